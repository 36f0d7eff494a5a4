import { z } from 'zod'

export const AskApi = z.enum(['chat', 'responses'])
export const ReasoningEffort = z.enum(['minimal', 'low', 'medium', 'high'])

export const AskInput = z.object({
  prompt: z.string().trim().min(1).max(200_000),
  api: AskApi.default('chat'),
  model: z.string().min(1).optional(),
  providerId: z.string().min(1).optional(),
  /** Images on disk, prepared (upright, resized) before they are sent. */
  images: z.array(z.string().min(1)).max(16).default([]),
  detail: z.enum(['low', 'high', 'auto']).default('high'),
  /** A JSON Schema for a strict structured answer; `name` labels it on the wire. */
  schema: z.object({ name: z.string().min(1).max(64), schema: z.record(z.string(), z.unknown()) }).optional(),
  reasoningEffort: ReasoningEffort.optional(),
  /** When set, the answer streams as `ai.stream` events carrying this id. */
  streamId: z.string().min(1).max(100).optional()
})
export type AskInput = z.input<typeof AskInput>

export const AskResult = z.object({
  text: z.string().nullable(),
  parsed: z.unknown().optional(),
  usage: z.object({
    inputTokens: z.number(),
    cachedTokens: z.number(),
    outputTokens: z.number(),
    reasoningTokens: z.number()
  }),
  costUsd: z.number(),
  model: z.string(),
  provider: z.string(),
  providerName: z.string(),
  requestId: z.string().nullable()
})
export type AskResult = z.infer<typeof AskResult>

/** Progress of a streamed `ai.ask`: text as it arrives, and pauses for rate limits or retries. */
export const AskStreamEvent = z.discriminatedUnion('type', [
  z.object({ streamId: z.string(), type: z.literal('delta'), text: z.string(), restart: z.boolean() }),
  z.object({
    streamId: z.string(),
    type: z.literal('wait'),
    delayMs: z.number(),
    reason: z.string(),
    attempt: z.number().int()
  })
])
