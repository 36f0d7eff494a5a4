import type { ExtractEstimate } from '@shared/domain/extract'
import type { PriceService } from '../../ai/price-service'
import { imageTokens } from '../../media/image/image-tokens'
import { prepDetail, type ExtractionSpec } from './extract-request'

/** Characters per token for English instructions and JSON (the usual rule of thumb). */
const CHARS_PER_TOKEN = 4
/** The chat envelope and the system line, counted once per request. */
const REQUEST_OVERHEAD_TOKENS = 60

export interface SizedImage {
  width: number
  height: number
  cached: boolean
}

/** Text tokens one request sends besides the image: instructions, schema and envelope. */
export function textTokensPerRequest(spec: ExtractionSpec): number {
  const chars = spec.instructions.length + JSON.stringify(spec.schema).length
  return Math.ceil(chars / CHARS_PER_TOKEN) + REQUEST_OVERHEAD_TOKENS
}

/**
 * Output tokens one answer is likely to take: a guess from the schema's shape (a few tokens per
 * field, more for text and lists), labelled as such wherever it is shown.
 */
export function outputTokensGuess(schema: Record<string, unknown>, depth = 0): number {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>
  let total = 4
  for (const property of Object.values(properties)) {
    const types = [property.type].flat()
    if (types.includes('array')) total += 8 + 3 * outputTokensGuess(asObject(property.items), depth + 1)
    else if (types.includes('object')) total += outputTokensGuess(property, depth + 1)
    else if (types.includes('string')) total += property.enum ? 6 : 24
    else total += 6
  }
  return depth === 0 ? Math.max(16, total) : total
}

function asObject(items: unknown): Record<string, unknown> {
  if (items && typeof items === 'object' && (items as { type?: unknown }).type === 'object')
    return items as Record<string, unknown>
  return { properties: { value: items ?? { type: 'string' } } }
}

/** Cost before running, for the images not already answered. */
export function estimateRun(
  spec: ExtractionSpec,
  images: readonly SizedImage[],
  prices: PriceService
): ExtractEstimate {
  const fresh = images.filter((i) => !i.cached)
  const detail = prepDetail(spec.detail)
  const imageTotal = fresh.reduce((n, i) => n + imageTokens(i.width, i.height, spec.model, detail), 0)
  const textTotal = fresh.length * textTokensPerRequest(spec)
  const outputTotal = fresh.length * outputTokensGuess(spec.schema)
  const usage = { inputTokens: imageTotal + textTotal, cachedTokens: 0, outputTokens: outputTotal }
  return {
    images: images.length,
    cached: images.length - fresh.length,
    imageTokens: imageTotal,
    textTokens: textTotal,
    outputTokens: outputTotal,
    costUsd: prices.cost(spec.model, usage),
    batchCostUsd: prices.cost(spec.model, usage, true),
    model: spec.model,
    detail: spec.detail,
    basis: `image tokens by ${spec.model}'s formula at ${detail} detail; text tokens as characters ÷ ${CHARS_PER_TOKEN}; output tokens guessed from the schema`
  }
}
