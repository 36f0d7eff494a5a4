/** Token counts normalised across the API shapes (chat, responses, transcription, images). */
export interface UsageFields {
  inputTokens: number
  cachedTokens: number
  outputTokens: number
  reasoningTokens: number
  audioTokens: number
  imageTokens: number
  audioSeconds: number
  characters: number
  images: number
}

export const NO_USAGE: UsageFields = {
  inputTokens: 0,
  cachedTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  audioTokens: 0,
  imageTokens: 0,
  audioSeconds: 0,
  characters: 0,
  images: 0
}

// The SDK's usage shapes differ per API and provider; each parser reads what is there.
type Json = object | null | undefined

const n = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {}

/** chat: prompt/completion tokens with *_tokens_details. */
export function fromChatUsage(usage: Json): UsageFields {
  const u = obj(usage)
  const prompt = obj(u.prompt_tokens_details)
  const completion = obj(u.completion_tokens_details)
  return {
    ...NO_USAGE,
    inputTokens: n(u.prompt_tokens),
    cachedTokens: n(prompt.cached_tokens),
    outputTokens: n(u.completion_tokens),
    reasoningTokens: n(completion.reasoning_tokens),
    audioTokens: n(prompt.audio_tokens) + n(completion.audio_tokens)
  }
}

/** responses, batch and images: input/output tokens with *_tokens_details. */
export function fromResponsesUsage(usage: Json): UsageFields {
  const u = obj(usage)
  const input = obj(u.input_tokens_details)
  const output = obj(u.output_tokens_details)
  return {
    ...NO_USAGE,
    inputTokens: n(u.input_tokens),
    cachedTokens: n(input.cached_tokens),
    outputTokens: n(u.output_tokens),
    reasoningTokens: n(output.reasoning_tokens),
    imageTokens: n(input.image_tokens)
  }
}

/** transcription: either {type:"tokens", input_token_details} (singular "token") or {type:"duration", seconds}. */
export function fromTranscriptionUsage(usage: Json, fallbackSeconds: number): UsageFields {
  const u = obj(usage)
  if (u.type === 'tokens') {
    const details = obj(u.input_token_details)
    return {
      ...NO_USAGE,
      inputTokens: n(u.input_tokens),
      outputTokens: n(u.output_tokens),
      audioTokens: n(details.audio_tokens)
    }
  }
  return { ...NO_USAGE, audioSeconds: n(u.seconds) || fallbackSeconds }
}
