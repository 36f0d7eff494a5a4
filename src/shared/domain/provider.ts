import { z } from 'zod'

export const ProviderKind = z.enum([
  'openai',
  'azure',
  'openrouter',
  'deepseek',
  'qwen',
  'ollama',
  'lmstudio',
  'custom'
])
export type ProviderKind = z.infer<typeof ProviderKind>

export const CAPABILITIES = [
  'chat',
  'responses',
  'vision',
  'structuredOutputs',
  'functionTools',
  'builtinTools',
  'reasoningEffort',
  'transcription',
  'speech',
  'imageGeneration',
  'batch',
  'realtime'
] as const
export type Capability = (typeof CAPABILITIES)[number]
export const Capabilities = z.object(
  Object.fromEntries(CAPABILITIES.map((c) => [c, z.boolean()])) as Record<Capability, z.ZodBoolean>
)
export type Capabilities = z.infer<typeof Capabilities>

export const TASKS = ['vision', 'summary', 'transcription', 'speech', 'image'] as const
export type Task = (typeof TASKS)[number]

export const Provider = z.object({
  id: z.string(),
  kind: ProviderKind,
  name: z.string(),
  baseURL: z.string(),
  /** Azure only. */
  apiVersion: z.string().nullable(),
  /** Azure only: model name → deployment name. */
  deployments: z.record(z.string(), z.string()),
  /** HTTP(S) proxy for this provider; never used for local endpoints. */
  proxy: z.string().nullable(),
  /** Capability flags after the user's overrides. */
  capabilities: Capabilities,
  overrides: Capabilities.partial(),
  models: z.array(z.string()),
  defaultModels: z.object(
    Object.fromEntries(TASKS.map((t) => [t, z.string().optional()])) as Record<
      Task,
      z.ZodOptional<z.ZodString>
    >
  ),
  /** Tried in order when this provider fails with 5xx or connection errors. */
  fallbackIds: z.array(z.string()),
  isDefault: z.boolean(),
  local: z.boolean(),
  hasKey: z.boolean(),
  /** Where the key comes from: the key store, an environment variable, or nowhere. */
  keySource: z.enum(['store', 'env', 'none']),
  createdAt: z.string()
})
export type Provider = z.infer<typeof Provider>

/** A provider or proxy address: http(s) only (z.url alone accepts javascript:, file: and the like). */
const HttpUrl = z
  .string()
  .trim()
  .url()
  .refine((text) => /^https?:$/.test(new URL(text).protocol), 'Use an http:// or https:// address.')

export const ProviderInput = z.object({
  kind: ProviderKind,
  name: z.string().trim().min(1).max(80),
  baseURL: HttpUrl.optional(),
  apiVersion: z.string().trim().max(40).nullable().optional(),
  deployments: z.record(z.string(), z.string()).optional(),
  proxy: HttpUrl.nullable().optional(),
  overrides: Capabilities.partial().optional(),
  defaultModels: Provider.shape.defaultModels.optional(),
  fallbackIds: z.array(z.string()).optional(),
  isDefault: z.boolean().optional(),
  /** Write-only: stored in the key store, never returned. Empty string removes the key. */
  apiKey: z.string().max(1000).optional()
})
export type ProviderInput = z.infer<typeof ProviderInput>

export const ConnectionTest = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nullable(),
  models: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable()
})
export type ConnectionTest = z.infer<typeof ConnectionTest>
