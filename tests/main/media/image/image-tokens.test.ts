import { describe, expect, it } from 'vitest'
import { imageCostRule, imageTokens, targetSize } from '../../../../src/main/media/image/image-tokens'

describe('image token formulas', () => {
  it('follows the tile rule for gpt-4o-class models', () => {
    expect(imageTokens(1024, 1024, 'gpt-4o', 'high')).toBe(765)
    expect(imageTokens(2048, 4096, 'gpt-4o', 'high')).toBe(1105)
    expect(imageTokens(4000, 3000, 'gpt-4o-2024-08-06', 'low')).toBe(85)
    expect(targetSize(4096, 2048, imageCostRule('gpt-4.1'), 'high')).toEqual({ width: 1536, height: 768 })
    expect(imageTokens(1024, 1024, 'gpt-4o-mini', 'high')).toBe(2833 + 5667 * 4)
    expect(imageTokens(1024, 1024, 'gpt-5', 'high')).toBe(70 + 140 * 4)
    expect(imageTokens(1024, 1024, 'o3', 'low')).toBe(75)
  })

  it('follows the patch rule for mini and nano models, capped at 1536 patches', () => {
    expect(imageTokens(1024, 1024, 'gpt-4.1-mini', 'high')).toBe(Math.ceil(1024 * 1.62))
    expect(imageTokens(1800, 2400, 'gpt-4.1-nano', 'high')).toBeLessThanOrEqual(Math.ceil(1536 * 2.46))
    const size = targetSize(1800, 2400, imageCostRule('gpt-4.1-mini'), 'high')
    expect(Math.ceil(size.width / 32) * Math.ceil(size.height / 32)).toBeLessThanOrEqual(1536)
    expect(imageTokens(512, 512, 'o4-mini', 'low')).toBe(Math.ceil(256 * 1.72))
    expect(imageCostRule('openrouter/openai/gpt-5-mini')).toMatchObject({ kind: 'patch', multiplier: 1.2 })
  })
})
