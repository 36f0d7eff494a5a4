import type { Price } from '@shared/domain/usage'

/**
 * List prices in USD (per million tokens unless stated), as published when this table was written.
 * Users can edit every row in Usage → Prices; those edits are stored and win over this table.
 */
const p = (
  inputPerM: number,
  cachedInputPerM: number,
  outputPerM: number,
  extra: Partial<Price> = {}
): Omit<Price, 'model'> => ({
  inputPerM,
  cachedInputPerM,
  outputPerM,
  audioInputPerM: 0,
  audioOutputPerM: 0,
  imageInputPerM: 0,
  perMinute: 0,
  perMCharacters: 0,
  perImage: 0,
  edited: false,
  ...extra
})

export const DEFAULT_PRICES: Record<string, Omit<Price, 'model'>> = {
  'gpt-5': p(1.25, 0.125, 10),
  'gpt-5-mini': p(0.25, 0.025, 2),
  'gpt-5-nano': p(0.05, 0.005, 0.4),
  'gpt-4.1': p(2, 0.5, 8),
  'gpt-4.1-mini': p(0.4, 0.1, 1.6),
  'gpt-4.1-nano': p(0.1, 0.025, 0.4),
  'gpt-4o': p(2.5, 1.25, 10),
  'gpt-4o-mini': p(0.15, 0.075, 0.6),
  o3: p(2, 0.5, 8),
  'o3-mini': p(1.1, 0.55, 4.4),
  'o4-mini': p(1.1, 0.275, 4.4),
  'whisper-1': p(0, 0, 0, { perMinute: 0.006 }),
  'gpt-4o-transcribe': p(2.5, 0, 10, { audioInputPerM: 6 }),
  'gpt-4o-mini-transcribe': p(1.25, 0, 5, { audioInputPerM: 3 }),
  'tts-1': p(0, 0, 0, { perMCharacters: 15 }),
  'tts-1-hd': p(0, 0, 0, { perMCharacters: 30 }),
  'gpt-4o-mini-tts': p(0.6, 0, 0, { audioOutputPerM: 12 }),
  'gpt-image-1': p(5, 1.25, 40, { imageInputPerM: 10 }),
  'gpt-image-1-mini': p(2, 0.2, 8, { imageInputPerM: 2.5 }),
  // DALL·E: the 1024×1024 standard price; other sizes and HD scale from it (image-prices.ts).
  'dall-e-3': p(0, 0, 0, { perImage: 0.04 }),
  'dall-e-2': p(0, 0, 0, { perImage: 0.02 }),
  'gpt-realtime': p(4, 0.4, 16, { audioInputPerM: 32, audioOutputPerM: 64 }),
  'gpt-realtime-mini': p(0.6, 0.06, 2.4, { audioInputPerM: 10, audioOutputPerM: 20 }),
  'deepseek-chat': p(0.27, 0.07, 1.1),
  'deepseek-reasoner': p(0.55, 0.14, 2.19)
}

export interface BillableUsage {
  inputTokens: number
  cachedTokens: number
  outputTokens: number
  audioInputTokens?: number
  audioOutputTokens?: number
  imageInputTokens?: number
  audioSeconds?: number
  characters?: number
  images?: number
}

export const BATCH_DISCOUNT = 0.5

/** The price row for a model id, matching dated snapshots and vendor prefixes to their base name. */
export function findPrice(
  model: string,
  table: Record<string, Omit<Price, 'model'>>
): Omit<Price, 'model'> | null {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  if (table[name]) return table[name]
  const prefix = Object.keys(table)
    .filter((key) => name.startsWith(`${key}-`))
    .sort((a, b) => b.length - a.length)[0]
  return prefix ? (table[prefix] ?? null) : null
}

/** Cost in USD: cached input at its own rate, reasoning inside output, Batch at half price. */
export function costOf(
  usage: BillableUsage,
  price: Omit<Price, 'model'> | null,
  options: { batch?: boolean } = {}
): number {
  if (!price) return 0
  const audioIn = usage.audioInputTokens ?? 0
  const imageIn = usage.imageInputTokens ?? 0
  const textIn = Math.max(0, usage.inputTokens - usage.cachedTokens - audioIn - imageIn)
  const cachedIn = Math.min(usage.cachedTokens, usage.inputTokens)
  const audioOut = usage.audioOutputTokens ?? 0
  const textOut = Math.max(0, usage.outputTokens - audioOut)
  const perM =
    textIn * price.inputPerM +
    cachedIn * price.cachedInputPerM +
    textOut * price.outputPerM +
    audioIn * price.audioInputPerM +
    audioOut * price.audioOutputPerM +
    imageIn * price.imageInputPerM
  const flat =
    ((usage.audioSeconds ?? 0) / 60) * price.perMinute +
    ((usage.characters ?? 0) / 1e6) * price.perMCharacters +
    (usage.images ?? 0) * price.perImage
  const total = perM / 1e6 + flat
  return roundCost(options.batch ? total * BATCH_DISCOUNT : total)
}

export function roundCost(usd: number): number {
  return Math.round(usd * 1e8) / 1e8
}
