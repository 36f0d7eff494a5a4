import { sample, sampleEvents } from './samples'
import { chunkText, type SseFrame } from './sse'
import type { Reply } from './types'

type Json = Record<string, unknown>
interface ChatBody {
  model?: string
  n?: number
  tools?: unknown[]
  tool_choice?: unknown
  response_format?: { type?: string }
  stream_options?: { include_usage?: boolean }
}

const isReasoningModel = (model = ''): boolean => /^(o\d|gpt-5)/.test(model)
const wantsTools = (body: ChatBody): boolean => (body.tools?.length ?? 0) > 0 && body.tool_choice !== 'none'

function template(body: ChatBody, reply?: Reply): Json {
  if (reply?.toolCalls || (!reply && wantsTools(body)))
    return sample('chat-completion-parallel-tool-calls.json')
  if (!reply && body.response_format?.type === 'json_schema')
    return sample('chat-completion-json-schema-strict.json')
  if (isReasoningModel(body.model)) return sample('extra/chat-completion-reasoning-tokens.json')
  return sample('chat-completion-plain.json')
}

export function replyText(reply: Reply): string | null {
  if (reply.text !== undefined) return reply.text
  if (reply.json !== undefined) return JSON.stringify(reply.json)
  return null
}

/** A genuine chat.completion envelope, with the scripted reply (if any) put into its message. */
export function chatCompletion(body: ChatBody, reply?: Reply): Json {
  const out = template(body, reply)
  const choices = out.choices as Json[]
  const choice = choices[0] as Json
  const message = choice.message as Json
  if (reply) {
    const toolTemplate = ((message.tool_calls as Json[] | undefined) ?? [])[0]
    message.content = reply.toolCalls ? null : replyText(reply)
    message.refusal = reply.refusal ?? null
    if (reply.refusal) message.content = null
    if (reply.toolCalls) {
      message.tool_calls = reply.toolCalls.map((call, index) => ({
        ...(toolTemplate ?? { type: 'function' }),
        id: `call_fake_${index}`,
        function: { name: call.name, arguments: call.arguments }
      }))
    } else delete message.tool_calls
    choice.finish_reason = reply.toolCalls ? 'tool_calls' : 'stop'
  }
  out.choices = Array.from({ length: Math.max(1, body.n ?? 1) }, (_, index) => ({
    ...structuredClone(choice),
    index
  }))
  applyChatUsage(out.usage as Json, reply)
  return out
}

export function applyChatUsage(usage: Json | undefined, reply?: Reply): void {
  if (!usage || !reply?.usage) return
  const u = reply.usage
  if (u.input !== undefined) usage.prompt_tokens = u.input
  if (u.output !== undefined) usage.completion_tokens = u.output
  usage.total_tokens = Number(usage.prompt_tokens) + Number(usage.completion_tokens)
  if (u.cached !== undefined)
    usage.prompt_tokens_details = { ...(usage.prompt_tokens_details as Json), cached_tokens: u.cached }
  if (u.reasoning !== undefined) {
    usage.completion_tokens_details = {
      ...(usage.completion_tokens_details as Json),
      reasoning_tokens: u.reasoning
    }
  }
}

/** A genuine chunk sequence; with a scripted reply, its text is streamed in the same chunk shape. */
export function chatStreamFrames(body: ChatBody, reply?: Reply): SseFrame[] {
  const includeUsage = body.stream_options?.include_usage === true
  const recorded = sampleEvents(
    (!reply && wantsTools(body)) || reply?.toolCalls
      ? 'chat-completion-stream-tool-call.events.json'
      : 'chat-completion-stream-text.events.json'
  ) as (Json | string)[]
  const chunks = recorded.filter((e): e is Json => typeof e !== 'string')
  const events = reply ? scriptedChunks(chunks, reply) : chunks
  const kept = events.filter((e) => includeUsage || (e.choices as unknown[]).length > 0)
  return [...kept.map((e) => ({ data: JSON.stringify(e) })), { data: '[DONE]' }]
}

function scriptedChunks(recorded: Json[], reply: Reply): Json[] {
  const first = recorded[0] as Json
  const usageChunk = structuredClone(recorded.at(-1) as Json)
  const finish = structuredClone(recorded.at(-2) as Json)
  const delta = (content: string): Json => {
    const chunk = structuredClone(first)
    ;(chunk.choices as Json[])[0] = { index: 0, delta: { content }, logprobs: null, finish_reason: null }
    return chunk
  }
  applyChatUsage(usageChunk.usage as Json, reply)
  if (reply.toolCalls) {
    // The recorded first chunk already names its own call; the scripted ones replace it.
    const head = structuredClone(first)
    ;(head.choices as Json[])[0] = {
      index: 0,
      delta: { role: 'assistant', content: null },
      logprobs: null,
      finish_reason: null
    }
    return [head, ...toolCallChunks(first, reply.toolCalls), finish, usageChunk]
  }
  if (reply.refusal) {
    const refusal = (piece: string): Json => {
      const chunk = delta('')
      ;(chunk.choices as Json[])[0] = {
        index: 0,
        delta: { refusal: piece },
        logprobs: null,
        finish_reason: null
      }
      return chunk
    }
    return [first, ...chunkText(reply.refusal).map(refusal), finish, usageChunk]
  }
  const text = replyText(reply) ?? ''
  return [first, ...chunkText(text).map(delta), finish, usageChunk]
}

/** Scripted calls in the recorded shape: id and name first, then the arguments in pieces. */
function toolCallChunks(first: Json, calls: NonNullable<Reply['toolCalls']>): Json[] {
  const chunk = (call: Json): Json => {
    const out = structuredClone(first)
    ;(out.choices as Json[])[0] = {
      index: 0,
      delta: { tool_calls: [call] },
      logprobs: null,
      finish_reason: null
    }
    return out
  }
  return calls.flatMap((call, index) => [
    chunk({
      index,
      id: `call_fake_${index}`,
      type: 'function',
      function: { name: call.name, arguments: '' }
    }),
    ...chunkText(call.arguments).map((piece) => chunk({ index, function: { arguments: piece } }))
  ])
}
