import type { Price } from '@shared/domain/usage'
import { imageFamily } from '@shared/domain/gallery'
import { imageTokens } from '../media/image/image-tokens'
import { findPrice, roundCost } from './pricing'

/**
 * Published DALL·E prices per image by quality and size (openai.com/api/pricing). The price table
 * holds each model's 1024×1024 standard price (editable in Usage → Prices); other sizes and HD cost
 * that price times the ratio of the published prices, so an edited price scales the same way.
 */
const DALL_E_PRICES: Record<'dall-e-3' | 'dall-e-2', Record<string, Record<string, number>>> = {
  'dall-e-3': {
    standard: { '1024x1024': 0.04, '1024x1792': 0.08, '1792x1024': 0.08 },
    hd: { '1024x1024': 0.08, '1024x1792': 0.12, '1792x1024': 0.12 }
  },
  'dall-e-2': { standard: { '256x256': 0.016, '512x512': 0.018, '1024x1024': 0.02 } }
}

/** How many 1024×1024 standard images one image of this size and quality costs (DALL·E only). */
export function perImageFactor(model: string, size?: string | null, quality?: string | null): number {
  const family = imageFamily(model)
  if (family !== 'dall-e-3' && family !== 'dall-e-2') return 1
  const table = DALL_E_PRICES[family]
  const base = table.standard?.['1024x1024'] ?? 1
  const tier = table[quality === 'hd' ? 'hd' : 'standard'] ?? table.standard
  const price = tier?.[size ?? '1024x1024'] ?? tier?.['1024x1024'] ?? base
  return price / base
}

/**
 * Output image tokens of GPT image models by quality and size (the image generation guide's table);
 * "auto" counts as the dearest choice, so the estimate is an upper bound.
 */
const GPT_IMAGE_OUTPUT: Record<string, Record<string, number>> = {
  low: { '1024x1024': 272, '1024x1536': 408, '1536x1024': 400 },
  medium: { '1024x1024': 1056, '1024x1536': 1584, '1536x1024': 1568 },
  high: { '1024x1024': 4160, '1024x1536': 6240, '1536x1024': 6208 }
}

export function gptImageOutputTokens(size?: string | null, quality?: string | null): number {
  const tier = GPT_IMAGE_OUTPUT[quality && quality !== 'auto' ? quality : 'high'] ?? GPT_IMAGE_OUTPUT.high
  const tokens = tier as Record<string, number>
  if (size && tokens[size] !== undefined) return tokens[size]
  return Math.max(...Object.values(tokens))
}

export interface ImageEstimateRequest {
  model: string
  size?: string | null
  quality?: string | null
  n: number
  prompt: string
  /** Sizes of the images sent along (edits). */
  inputImages?: { width: number; height: number }[]
}

export interface ImageCostEstimate {
  costUsd: number
  perImageUsd: number
  basis: 'per-image' | 'tokens' | 'unknown'
}

/** The price of a request before it is sent: per image for DALL·E, by tokens for GPT image models. */
export function estimateImageCost(
  request: ImageEstimateRequest,
  table: Record<string, Omit<Price, 'model'>>
): ImageCostEstimate {
  const price = findPrice(request.model, table)
  const family = imageFamily(request.model)
  if (!price || !family) return { costUsd: 0, perImageUsd: 0, basis: 'unknown' }
  if (family !== 'gpt-image') {
    const each = price.perImage * perImageFactor(request.model, request.size, request.quality)
    return { costUsd: roundCost(each * request.n), perImageUsd: roundCost(each), basis: 'per-image' }
  }
  // Prompt text: about four characters a token; images sent along are paid at the image input rate.
  const textIn = Math.ceil(request.prompt.length / 4)
  const imageIn = (request.inputImages ?? []).reduce(
    (sum, image) => sum + imageTokens(image.width, image.height, 'gpt-4o', 'high'),
    0
  )
  const input = (textIn * price.inputPerM + imageIn * price.imageInputPerM) / 1e6
  const each = (gptImageOutputTokens(request.size, request.quality) * price.outputPerM) / 1e6
  return { costUsd: roundCost(input + each * request.n), perImageUsd: roundCost(each), basis: 'tokens' }
}
