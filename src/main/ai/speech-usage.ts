import { NO_USAGE, type UsageFields } from './usage-parse'

// Speech answers are audio bytes with no usage in them. tts-1 is billed per character; gpt-4o-mini-tts
// per text token in and audio token out, which the API does not report: both are estimated from
// the text (about 4 characters a token; 1,250 audio tokens a minute, OpenAI's published rate).
const CHARS_PER_TOKEN = 4
const AUDIO_TOKENS_PER_SECOND = 1250 / 60
/** Read-aloud pace: about 15 characters a second, 4.5 for Chinese, Japanese and Korean. */
const CHARS_PER_SECOND = 15
const CJK_CHARS_PER_SECOND = 4.5
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu

/** About how long this text takes to say, in seconds. */
export function spokenSeconds(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0
  const other = text.replace(/\s+/gu, ' ').trim().length - cjk
  return Math.max(0, other) / CHARS_PER_SECOND + cjk / CJK_CHARS_PER_SECOND
}

/** What one speech request uses, for the ledger and for estimates alike. */
export function speechUsage(model: string, input: string): UsageFields {
  if (!/mini-tts/i.test(model)) return { ...NO_USAGE, characters: input.length }
  const audioTokens = Math.round(spokenSeconds(input) * AUDIO_TOKENS_PER_SECOND)
  return {
    ...NO_USAGE,
    characters: input.length,
    inputTokens: Math.ceil(input.length / CHARS_PER_TOKEN),
    outputTokens: audioTokens,
    audioTokens
  }
}
