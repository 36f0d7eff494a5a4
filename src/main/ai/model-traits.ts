/** What a model accepts, so parameters a model rejects are never sent. */
export interface ModelTraits {
  /** o-series and gpt-5 family: no temperature/top_p/max_tokens; reasoning effort instead. */
  reasoning: boolean
  imageModel: 'gpt-image' | 'dall-e-3' | 'dall-e-2' | null
  transcribeJsonOnly: boolean
}

export function modelTraits(model: string): ModelTraits {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  const reasoning = /^(o\d|gpt-5)(?!.*-chat)/.test(name) || name.startsWith('deepseek-reasoner')
  const imageModel = name.startsWith('gpt-image')
    ? 'gpt-image'
    : name.startsWith('dall-e-3')
      ? 'dall-e-3'
      : name.startsWith('dall-e-2')
        ? 'dall-e-2'
        : null
  return { reasoning, imageModel, transcribeJsonOnly: /^gpt-4o(-mini)?-transcribe/.test(name) }
}

import type OpenAI from 'openai'

export type ChatBody = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming
export type ResponsesBody = OpenAI.Responses.ResponseCreateParamsNonStreaming
export type ImageBody = OpenAI.Images.ImageGenerateParamsNonStreaming

const SAMPLING = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs'
] as const

/** Chat completions parameters for this model and provider (capability flags already applied by the caller). */
export function sanitizeChatParams(
  params: ChatBody,
  model: string,
  options: { reasoningEffort: boolean }
): ChatBody {
  if (!modelTraits(model).reasoning) return dropUndefined(omit(params, ['reasoning_effort']))
  // Reasoning models take no sampling parameters, and count output with max_completion_tokens.
  const out = omit(params, [...SAMPLING, 'max_tokens'])
  return dropUndefined({
    ...out,
    max_completion_tokens: params.max_completion_tokens ?? params.max_tokens,
    reasoning_effort: options.reasoningEffort ? params.reasoning_effort : undefined
  })
}

/** Responses API parameters for this model. */
export function sanitizeResponsesParams(
  params: ResponsesBody,
  model: string,
  options: { reasoningEffort: boolean }
): ResponsesBody {
  if (!modelTraits(model).reasoning) return dropUndefined(omit(params, ['reasoning']))
  const out = omit(params, ['temperature', 'top_p'])
  return dropUndefined(options.reasoningEffort ? out : omit(out, ['reasoning']))
}

/** Image generation: GPT image models always return base64 and reject response_format; DALL·E 3 takes n=1. */
export function sanitizeImageParams(params: ImageBody, model: string): ImageBody {
  const kind = modelTraits(model).imageModel
  const out =
    kind === 'gpt-image'
      ? omit(params, ['response_format', 'style'])
      : {
          ...omit(params, ['background', 'output_format', 'moderation']),
          response_format: params.response_format ?? 'b64_json'
        }
  return dropUndefined(kind === 'dall-e-3' ? { ...out, n: 1 } : out)
}

function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const out = { ...value }
  for (const key of keys) delete out[key]
  return out
}

/** Unset fields are left out of the body rather than sent as null. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
