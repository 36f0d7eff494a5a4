import { z } from 'zod'

export const ApiKind = z.enum([
  'chat',
  'responses',
  'transcription',
  'speech',
  'images',
  'batch',
  'files',
  'realtime'
])
export type ApiKind = z.infer<typeof ApiKind>

export const UsageRecord = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  providerId: z.string(),
  model: z.string(),
  api: ApiKind,
  inputTokens: z.number().int(),
  cachedTokens: z.number().int(),
  outputTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  audioTokens: z.number().int(),
  imageTokens: z.number().int(),
  audioSeconds: z.number(),
  characters: z.number().int(),
  images: z.number().int(),
  latencyMs: z.number().int(),
  requestId: z.string().nullable(),
  jobId: z.string().nullable(),
  batch: z.boolean(),
  costUsd: z.number()
})
export type UsageRecord = z.infer<typeof UsageRecord>

export const Price = z.object({
  model: z.string(),
  /** USD per million tokens. */
  inputPerM: z.number().nonnegative(),
  cachedInputPerM: z.number().nonnegative(),
  outputPerM: z.number().nonnegative(),
  audioInputPerM: z.number().nonnegative().default(0),
  audioOutputPerM: z.number().nonnegative().default(0),
  imageInputPerM: z.number().nonnegative().default(0),
  /** USD per minute of audio (whisper-style billing). */
  perMinute: z.number().nonnegative().default(0),
  /** USD per million characters (tts-1 style billing). */
  perMCharacters: z.number().nonnegative().default(0),
  /** USD per image (DALL·E style billing). */
  perImage: z.number().nonnegative().default(0),
  edited: z.boolean().default(false)
})
export type Price = z.infer<typeof Price>

const Totals = z.object({
  costUsd: z.number(),
  inputTokens: z.number(),
  cachedTokens: z.number(),
  outputTokens: z.number(),
  reasoningTokens: z.number(),
  calls: z.number()
})

export const UsageSummary = z.object({
  totals: Totals.extend({ cachedShare: z.number() }),
  byDay: z.array(Totals.extend({ day: z.string() })),
  byModel: z.array(Totals.extend({ model: z.string() })),
  byJob: z.array(Totals.extend({ jobId: z.string(), title: z.string().nullable() }))
})
export type UsageSummary = z.infer<typeof UsageSummary>
