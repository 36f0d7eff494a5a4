import type { CostEstimate } from '@shared/domain/video'
import type { PriceService } from '../../ai/price-service'
import { transcriptionCost } from '../audio/estimates'
import { chooseDetails, imageTokenTotal, type FrameSize } from './detail-budget'

/** Speech runs at roughly 150 words a minute, about 200 tokens. */
const TOKENS_PER_SPOKEN_MINUTE = 200
const PROMPT_OVERHEAD_TOKENS = 600
const OUTPUT_TOKENS_PER_CALL = 1200
export const WINDOW_S = 300

export function windowCount(durationS: number): number {
  return durationS > WINDOW_S * 1.5 ? Math.ceil(durationS / WINDOW_S) : 1
}

/** What a summary will cost before anything is sent: frames, transcript, audio minutes, output. */
export function estimateSummary(
  input: {
    durationS: number
    hasAudio: boolean
    /** A stored transcript is reused, so no audio is paid for. */
    transcriptStored?: boolean
    frames: FrameSize[]
    model: string
    detail: 'low' | 'high' | 'auto'
    transcribeModel: string
  },
  prices: PriceService
): CostEstimate {
  const windows = windowCount(input.durationS)
  const perWindow = Math.ceil(input.frames.length / windows)
  const details = chooseDetails(input.frames.slice(0, perWindow), input.model, input.detail)
  const imageTokens = imageTokenTotal(input.frames.slice(0, perWindow), details, input.model) * windows
  const transcriptTokens = input.hasAudio ? Math.round((input.durationS / 60) * TOKENS_PER_SPOKEN_MINUTE) : 0
  const mergeTokens = windows > 1 ? windows * OUTPUT_TOKENS_PER_CALL + PROMPT_OVERHEAD_TOKENS : 0
  const promptTokens = imageTokens + transcriptTokens + PROMPT_OVERHEAD_TOKENS * windows + mergeTokens
  const outputTokens = OUTPUT_TOKENS_PER_CALL * (windows + (windows > 1 ? 1 : 0))
  const audioMinutes = input.hasAudio && !input.transcriptStored ? input.durationS / 60 : 0
  const summaryCost = prices.cost(input.model, { inputTokens: promptTokens, cachedTokens: 0, outputTokens })
  const transcription =
    audioMinutes > 0 ? transcriptionCost(prices, input.transcribeModel, input.durationS) : 0
  const mixed = details.includes('high') && details.includes('low')
  return {
    model: input.model,
    frames: input.frames.length,
    detail: mixed ? 'mixed' : (details[0] ?? 'low'),
    imageTokens,
    transcriptTokens,
    promptTokens,
    outputTokens,
    audioMinutes: Math.round(audioMinutes * 100) / 100,
    windows,
    costUsd: Math.round((summaryCost + transcription) * 1e6) / 1e6
  }
}
