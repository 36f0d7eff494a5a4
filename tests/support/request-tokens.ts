// Counting the prompt tokens of a Chat Completions or Responses request the way OpenAI bills them,
// for the estimate checks (tests/main/features/video-summary/estimate-vs-usage.test.ts) and
// npm run bench:summary-cost. Text is counted with the o200k tokenizer; images are left to the
// caller (the project's formula), so what this returns is a recount, never an observation.
import { encode } from 'gpt-tokenizer'

/**
 * Framing per message: three tokens plus one for the role, and three that prime the reply
 * (OpenAI cookbook, "How to count tokens"). On the genuine recordings in
 * tests/fixtures/openai this gives 11 for "Hello, world!" (billed 11) and 7 around one user message
 * with an image (billed 7 on four recordings).
 */
export const TOKENS_PER_MESSAGE = 4
export const REPLY_PRIMING = 3

export interface RequestImage {
  /** The data URL or URL as sent. */
  url: string
  /** As sent; absent means the API's default ("auto"). */
  detail?: 'low' | 'high' | 'auto'
}

export interface RequestParts {
  messages: number
  texts: string[]
  images: RequestImage[]
  /** Tool-call names and arguments the assistant sent earlier in the conversation. */
  toolCalls: string[]
}

type Json = Record<string, unknown>

/** The text, images and message count of a chat `messages` or responses `input` request body. */
export function requestParts(body: Json): RequestParts {
  const parts: RequestParts = { messages: 0, texts: [], images: [], toolCalls: [] }
  const items = (body.messages ?? body.input) as unknown
  if (typeof items === 'string') {
    parts.messages = 1
    parts.texts.push(items)
    return parts
  }
  for (const item of (items ?? []) as Json[]) {
    parts.messages += 1
    for (const call of (item.tool_calls ?? []) as Json[]) {
      const fn = (call.function ?? {}) as Json
      parts.toolCalls.push(String(fn.name ?? ''), String(fn.arguments ?? ''))
    }
    const content = item.content
    if (typeof content === 'string') parts.texts.push(content)
    else for (const part of (content ?? []) as Json[]) addPart(parts, part)
  }
  return parts
}

function addPart(parts: RequestParts, part: Json): void {
  if (part.type === 'text' || part.type === 'input_text') parts.texts.push(String(part.text))
  else if (part.type === 'image_url') {
    const image = part.image_url as { url: string; detail?: RequestImage['detail'] }
    parts.images.push({ url: image.url, detail: image.detail })
  } else if (part.type === 'input_image') {
    parts.images.push({ url: String(part.image_url), detail: part.detail as RequestImage['detail'] })
  }
}

/** o200k tokens of the text parts and tool calls, plus the message framing. */
export function textTokens(parts: RequestParts): number {
  const text = [...parts.texts, ...parts.toolCalls].reduce((sum, t) => sum + encode(t).length, 0)
  return text + parts.messages * TOKENS_PER_MESSAGE + REPLY_PRIMING
}
