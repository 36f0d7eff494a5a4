import type { SpeechEstimate } from '@shared/domain/audio'
import type { PriceService } from '../../ai/price-service'
import { speechUsage, spokenSeconds } from '../../ai/speech-usage'
import { splitForSpeech } from './speech-text'

// A minute of audio is about 600 audio tokens in, and about 200 tokens of text out (150 words).
const AUDIO_TOKENS_PER_MINUTE = 600
const TEXT_TOKENS_PER_MINUTE = 200

/** What transcribing this much audio costs with this model: per minute (whisper-1) or per token. */
export function transcriptionCost(prices: PriceService, model: string, durationS: number): number {
  const minutes = durationS / 60
  const audioTokens = Math.round(minutes * AUDIO_TOKENS_PER_MINUTE)
  return prices.cost(model, {
    inputTokens: audioTokens,
    cachedTokens: 0,
    outputTokens: Math.round(minutes * TEXT_TOKENS_PER_MINUTE),
    audioInputTokens: audioTokens,
    audioSeconds: durationS
  })
}

/** Characters and pieces are exact; the length and, for gpt-4o-mini-tts, the price are estimates. */
export function speechEstimate(prices: PriceService, model: string, text: string): SpeechEstimate {
  const pieces = text.trim() ? splitForSpeech(text) : []
  const costUsd = pieces.reduce((sum, piece) => {
    const usage = speechUsage(model, piece)
    return (
      sum +
      prices.cost(model, {
        inputTokens: usage.inputTokens,
        cachedTokens: 0,
        outputTokens: usage.outputTokens,
        audioOutputTokens: usage.audioTokens,
        characters: usage.characters
      })
    )
  }, 0)
  return {
    model,
    chars: text.length,
    pieces: pieces.length,
    durationS: Math.round(spokenSeconds(text) * 10) / 10,
    costUsd: Math.round(costUsd * 1e6) / 1e6
  }
}
