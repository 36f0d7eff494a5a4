import { describe, expect, it } from 'vitest'
import { estimateImageCost, gptImageOutputTokens, perImageFactor } from '../../../src/main/ai/image-prices'
import { DEFAULT_PRICES } from '../../../src/main/ai/pricing'

describe('image prices', () => {
  it('prices DALL·E by the published table for each size and quality', () => {
    const price = (model: string, size: string, quality?: string) =>
      estimateImageCost({ model, size, quality, n: 1, prompt: 'x' }, DEFAULT_PRICES).costUsd
    expect(price('dall-e-3', '1024x1024')).toBe(0.04)
    expect(price('dall-e-3', '1792x1024')).toBe(0.08)
    expect(price('dall-e-3', '1024x1792', 'hd')).toBe(0.12)
    expect(price('dall-e-2', '256x256')).toBe(0.016)
    expect(price('dall-e-2', '512x512')).toBe(0.018)
    expect(perImageFactor('gpt-image-1', '1024x1024', 'high')).toBe(1)
    // A user's own price scales the same way.
    const edited = { ...DEFAULT_PRICES, 'dall-e-3': { ...DEFAULT_PRICES['dall-e-3']!, perImage: 0.05 } }
    expect(
      estimateImageCost({ model: 'dall-e-3', size: '1024x1792', quality: 'hd', n: 2, prompt: '' }, edited)
    ).toEqual({
      costUsd: 0.3,
      perImageUsd: 0.15,
      basis: 'per-image'
    })
  })

  it('prices GPT image models by output tokens per quality and size, auto as the dearest', () => {
    expect(gptImageOutputTokens('1024x1024', 'low')).toBe(272)
    expect(gptImageOutputTokens('1536x1024', 'medium')).toBe(1568)
    expect(gptImageOutputTokens('auto', 'auto')).toBe(6240)
    const estimate = estimateImageCost(
      { model: 'gpt-image-1', size: '1024x1024', quality: 'medium', n: 3, prompt: 'a'.repeat(400) },
      DEFAULT_PRICES
    )
    expect(estimate.basis).toBe('tokens')
    expect(estimate.perImageUsd).toBeCloseTo((1056 * 40) / 1e6, 8)
    expect(estimate.costUsd).toBeCloseTo(3 * 0.04224 + (100 * 5) / 1e6, 8)
    expect(estimateImageCost({ model: 'imagen-3', n: 1, prompt: '' }, DEFAULT_PRICES).basis).toBe('unknown')
  })
})
