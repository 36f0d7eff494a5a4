import { describe, expect, it } from 'vitest'
import {
  imageCostRule,
  imagePatches,
  imageTokens,
  targetSize
} from '../../../../src/main/media/image/image-tokens'

// Every number in the first two blocks is a worked example published in OpenAI's vision guide,
// "Calculating costs" (platform.openai.com/docs/guides/images-vision, now
// developers.openai.com/api/docs/guides/images-vision), quoted in the test names.
const GUIDE = 'OpenAI vision guide, Calculating costs'

describe(`tile models: the worked examples "for gpt-4o" (${GUIDE})`, () => {
  it('"A 1024 x 1024 square image in detail: high mode costs 765 tokens" (scaled to 768 x 768, 4 tiles)', () => {
    expect(targetSize(1024, 1024, imageCostRule('gpt-4o'), 'high')).toEqual({ width: 768, height: 768 })
    expect(imageTokens(1024, 1024, 'gpt-4o', 'high')).toBe(765)
  })

  it('"A 2048 x 4096 image in detail: high mode costs 1105 tokens" (1024 x 2048, then 768 x 1536, 6 tiles)', () => {
    expect(targetSize(2048, 4096, imageCostRule('gpt-4o'), 'high')).toEqual({ width: 768, height: 1536 })
    expect(imageTokens(2048, 4096, 'gpt-4o', 'high')).toBe(1105)
  })

  it('"A 4096 x 8192 image in detail: low most costs 85 tokens"', () => {
    expect(imageTokens(4096, 8192, 'gpt-4o', 'low')).toBe(85)
    expect(imageTokens(4096, 8192, 'gpt-4o-2024-08-06', 'low')).toBe(85)
  })
})

describe(`patch models: the worked examples "for a model with a 1,536-patch budget" (${GUIDE})`, () => {
  const patchModels = [
    ['gpt-4.1-mini', 1.62],
    ['gpt-4.1-nano', 2.46],
    ['o4-mini', 1.72]
  ] as const

  it('"A 1024 x 1024 image has a post-resize patch count of 1024" (no resize below the budget)', () => {
    for (const [model, multiplier] of patchModels) {
      expect(targetSize(1024, 1024, imageCostRule(model), 'high')).toEqual({ width: 1024, height: 1024 })
      // "Multiply by the model's token multiplier" (the guide's table: 1.62, 2.46, 1.72).
      expect(imageTokens(1024, 1024, model, 'high')).toBe(Math.ceil(1024 * multiplier))
    }
    expect(imagePatches(1024, 1024)).toBe(1024)
  })

  it('"A 1800 x 2400 image has a post-resize patch count of 1452" (shrink 0.603, then 0.586: 1056 x 1408, 33 x 44)', () => {
    expect(imagePatches(1800, 2400)).toBe(4275) // "57 * 75 = 4275"
    for (const [model, multiplier] of patchModels) {
      const size = targetSize(1800, 2400, imageCostRule(model), 'high')
      expect(size).toEqual({ width: 1056, height: 1408 }) // "Resized image in integer pixels: 1056 x 1408"
      expect(imagePatches(size.width, size.height)).toBe(1452) // was 1,530 before the published algorithm
      expect(imageTokens(1800, 2400, model, 'high')).toBe(Math.ceil(1452 * multiplier))
    }
    expect(imageTokens(1800, 2400, 'gpt-4.1-mini', 'high')).toBe(2353) // 2,352.24 billed as whole tokens
    expect(imageTokens(2400, 1800, 'gpt-4.1-mini', 'high')).toBe(2353)
  })
})

// No worked example is published for these families. What the code does is derived from the
// guide's tables (or, for gpt-5-mini/nano, from the pricing calculator); the genuine recordings in
// tests/main/features/video-summary/estimate-vs-usage.test.ts check gpt-4o, gpt-4o-mini, gpt-4.1-nano
// and gpt-5-mini against billed usage.
describe('families with no published worked example (derived from the guide’s tables)', () => {
  it('gpt-4o-mini: base 2833, tile 5667 (table "4o-mini"); checked against genuine usage', () => {
    expect(imageTokens(1024, 1024, 'gpt-4o-mini', 'high')).toBe(2833 + 5667 * 4)
    expect(imageTokens(1024, 1024, 'gpt-4o-mini', 'low')).toBe(2833)
  })

  it('gpt-4.1 and gpt-4.5: the gpt-4o numbers (table "4o, 4.1, 4.5": 85 / 170)', () => {
    expect(targetSize(4096, 2048, imageCostRule('gpt-4.1'), 'high')).toEqual({ width: 1536, height: 768 })
    expect(imageTokens(1024, 1024, 'gpt-4.1', 'high')).toBe(765)
    expect(imageTokens(1024, 1024, 'gpt-4.5-preview', 'high')).toBe(765)
  })

  it('gpt-5: base 70, tile 140 (table "gpt-5, gpt-5-chat-latest")', () => {
    expect(imageTokens(1024, 1024, 'gpt-5', 'high')).toBe(70 + 140 * 4)
    expect(imageTokens(1024, 1024, 'gpt-5-chat-latest', 'low')).toBe(70)
  })

  it('o1 and o3: base 75, tile 150 (table "o1, o1-pro, o3")', () => {
    expect(imageTokens(1024, 1024, 'o1', 'high')).toBe(75 + 150 * 4)
    expect(imageTokens(1024, 1024, 'o3', 'low')).toBe(75)
  })

  it('gpt-5-mini / gpt-5-nano: the pricing calculator’s multipliers 1.2 / 1.5 (the guide’s table says 1.62 / 2.46)', () => {
    expect(imageTokens(1024, 1024, 'gpt-5-mini', 'high')).toBe(Math.ceil(1024 * 1.2))
    expect(imageTokens(1024, 1024, 'gpt-5-nano', 'high')).toBe(Math.ceil(1024 * 1.5))
    expect(imageCostRule('openrouter/openai/gpt-5-mini')).toMatchObject({ kind: 'patch', multiplier: 1.2 })
  })

  it('patch models also fit 2048 px a side (the guide’s sizing table: "1,536 patches or a 2048-pixel maximum dimension")', () => {
    const size = targetSize(4000, 100, imageCostRule('gpt-4.1-mini'), 'high')
    expect(size).toEqual({ width: 2048, height: 51 })
    expect(imageTokens(4000, 100, 'gpt-4.1-mini', 'high')).toBe(Math.ceil(64 * 2 * 1.62))
  })

  it('patch models at detail low see a 512-px picture (the guide: "a low-resolution 512px x 512px version")', () => {
    expect(imageTokens(1024, 1024, 'o4-mini', 'low')).toBe(Math.ceil(256 * 1.72))
  })

  it('never exceeds the patch budget, whatever the shape', () => {
    for (const [w, h] of [
      [1800, 2400],
      [4032, 3024],
      [10000, 37],
      [37, 10000],
      [1601, 1601],
      [6000, 1]
    ] as const) {
      const size = targetSize(w, h, imageCostRule('gpt-4.1-nano'), 'high')
      expect(imagePatches(size.width, size.height)).toBeLessThanOrEqual(1536)
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(2048)
    }
  })
})
