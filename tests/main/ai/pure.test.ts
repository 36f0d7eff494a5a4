import { describe, expect, it } from 'vitest'
import { proxyFor } from '../../../src/main/ai/client-factory'
import { parseDuration, waitFromHeaders } from '../../../src/main/ai/errors'
import { isLocalUrl } from '../../../src/main/ai/presets'
import { BATCH_DISCOUNT, costOf, DEFAULT_PRICES, findPrice } from '../../../src/main/ai/pricing'
import { backoff, decideRetry, DEFAULT_RETRY } from '../../../src/main/ai/retry'
import { lintStrictSchema } from '../../../src/main/ai/schema-lint'
import { AppError } from '../../../src/shared/errors'
import type { ResolvedProvider } from '../../../src/main/ai/provider-service'

const valid = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'chapters'],
  properties: {
    title: { type: 'string' },
    chapters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['start'],
        properties: { start: { type: 'number' } }
      }
    }
  }
}

describe('strict schema linter', () => {
  it('accepts a strict schema', () => {
    expect(lintStrictSchema(valid)).toEqual([])
  })

  it.each([
    ['a missing additionalProperties', { ...valid, additionalProperties: undefined }, '#'],
    ['an optional property', { ...valid, required: ['title'] }, '#/properties/chapters'],
    [
      'an unsupported keyword',
      { ...valid, properties: { ...valid.properties, title: { type: 'string', not: { const: 'x' } } } },
      '#/properties/title'
    ],
    [
      'oneOf',
      { ...valid, properties: { ...valid.properties, title: { oneOf: [{ type: 'string' }] } } },
      '#/properties/title'
    ],
    ['a root that is not an object', { type: 'array', items: {} }, '#'],
    [
      'nested objects over depth 5',
      deep(6),
      '#/properties/a/properties/a/properties/a/properties/a/properties/a'
    ],
    ['over 100 properties', wide(101), '#'],
    [
      'over 500 enum values',
      {
        ...valid,
        properties: {
          ...valid.properties,
          title: { type: 'string', enum: Array.from({ length: 501 }, (_, i) => `v${i}`) }
        }
      },
      '#'
    ]
  ])('reports %s with its path', (_name, schema, path) => {
    const issues = lintStrictSchema(schema)
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.map((i) => i.path)).toContain(path)
  })
})

function deep(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: 'string' }
  for (let i = 0; i < levels; i += 1)
    node = { type: 'object', additionalProperties: false, required: ['a'], properties: { a: node } }
  return node
}

function wide(count: number): Record<string, unknown> {
  const properties = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`p${i}`, { type: 'string' }])
  )
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties }
}

describe('cost', () => {
  it('prices cached input at its own rate and applies the Batch discount', () => {
    const price = findPrice('gpt-4o-2024-08-06', DEFAULT_PRICES)
    expect(price).toMatchObject({ inputPerM: 2.5, cachedInputPerM: 1.25, outputPerM: 10 })
    const usage = { inputTokens: 1_000_000, cachedTokens: 400_000, outputTokens: 100_000 }
    expect(costOf(usage, price)).toBeCloseTo(0.6 * 2.5 + 0.4 * 1.25 + 0.1 * 10, 8)
    expect(costOf(usage, price, { batch: true })).toBeCloseTo(
      (0.6 * 2.5 + 0.4 * 1.25 + 0.1 * 10) * BATCH_DISCOUNT,
      8
    )
    expect(
      costOf(
        { inputTokens: 0, cachedTokens: 0, outputTokens: 0, audioSeconds: 90 },
        findPrice('whisper-1', DEFAULT_PRICES)
      )
    ).toBeCloseTo(0.009, 8)
    expect(
      costOf(
        { inputTokens: 0, cachedTokens: 0, outputTokens: 0, characters: 2000 },
        findPrice('tts-1', DEFAULT_PRICES)
      )
    ).toBeCloseTo(0.03, 8)
    expect(findPrice('openai/gpt-4o-mini', DEFAULT_PRICES)?.inputPerM).toBe(0.15)
    expect(findPrice('unknown-model', DEFAULT_PRICES)).toBeNull()
  })
})

describe('retry policy', () => {
  const rateLimited = (retryAfterS: number | null) => new AppError('AI_RATE_LIMITED', 'x', { retryAfterS })

  it('reads every wait header the API sends', () => {
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': '1500' }))).toBe(1.5)
    expect(waitFromHeaders(new Headers({ 'retry-after': '7' }))).toBe(7)
    expect(
      waitFromHeaders(new Headers({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }))
    ).toBe(360)
    expect(parseDuration('1h2m3.5s')).toBe(3723.5)
    expect(parseDuration('20ms')).toBe(0.02)
  })

  it('honours the provider’s wait, backs off with jitter otherwise, and never retries quota or auth', () => {
    expect(decideRetry(rateLimited(2), 1, DEFAULT_RETRY)).toEqual({
      kind: 'retry',
      delayMs: 2000,
      reason: 'rate-limit'
    })
    expect(decideRetry(rateLimited(600), 1, DEFAULT_RETRY)).toEqual({ kind: 'fail' })
    expect(decideRetry(new AppError('AI_QUOTA_EXCEEDED', 'x'), 1, DEFAULT_RETRY)).toEqual({ kind: 'fail' })
    expect(decideRetry(new AppError('AI_AUTH_FAILED', 'x'), 1, DEFAULT_RETRY)).toEqual({ kind: 'fail' })
    expect(decideRetry(new AppError('AI_UNAVAILABLE', 'x'), 3, DEFAULT_RETRY)).toEqual({ kind: 'fallback' })
    expect(backoff(1, DEFAULT_RETRY, () => 0)).toBe(250)
    expect(backoff(4, DEFAULT_RETRY, () => 1)).toBe(4000)
    expect(backoff(20, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs)
  })
})

describe('proxies', () => {
  const resolved = (local: boolean, proxy: string | null) =>
    ({ provider: { local }, row: { proxy } }) as unknown as ResolvedProvider

  it('never sends local endpoints through a proxy', () => {
    expect(isLocalUrl('http://127.0.0.1:11434/v1')).toBe(true)
    expect(isLocalUrl('http://192.168.1.20:1234/v1')).toBe(true)
    expect(isLocalUrl('https://api.openai.com/v1')).toBe(false)
    expect(proxyFor(resolved(true, 'http://proxy:8080'), { HTTPS_PROXY: 'http://other:1' })).toBeNull()
    expect(proxyFor(resolved(false, 'http://proxy:8080'), {})).toBe('http://proxy:8080')
    expect(proxyFor(resolved(false, null), { HTTPS_PROXY: 'http://other:1' })).toBe('http://other:1')
  })
})
