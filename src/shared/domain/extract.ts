import { z } from 'zod'
import { ERROR_CODES } from '../errors'

/** Job kinds of the Images page: a run sent image by image, and a run sent as one Batch. */
export const EXTRACT_JOB = 'images.extract'
export const BATCH_POLL_JOB = 'images.batch'

export const ImageDetail = z.enum(['low', 'high', 'auto'])
export type ImageDetail = z.infer<typeof ImageDetail>

export const TEMPLATE_KEYS = ['caption', 'ocr', 'receipt', 'product', 'screenshot'] as const
export const TemplateKey = z.enum(TEMPLATE_KEYS)
export type TemplateKey = z.infer<typeof TemplateKey>

/** One row of the field table an extractor can be built from; it produces the strict schema. */
export const FieldType = z.enum(['string', 'number', 'integer', 'boolean'])
export const ExtractorField = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and _, starting with a letter'),
  type: FieldType,
  description: z.string().trim().max(500).default(''),
  /** Allowed values (strings only); empty means any. */
  enum: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  /** A list of values of this type instead of one value. */
  list: z.boolean().default(false)
})
export type ExtractorField = z.infer<typeof ExtractorField>

const JsonObject = z.record(z.string(), z.unknown())

/** A named, stored definition: instructions + a strict JSON schema + image detail + model. */
export const Extractor = z.object({
  id: z.string(),
  name: z.string(),
  /** The built-in template this is (builtin) or was copied from. */
  template: TemplateKey.nullable(),
  builtin: z.boolean(),
  instructions: z.string(),
  schema: JsonObject,
  /** The field table it was made from, when it was made from one. */
  fields: z.array(ExtractorField).nullable(),
  detail: ImageDetail,
  /** Absent: the provider's vision model. */
  model: z.string().nullable(),
  /** Changes whenever instructions or schema change: stored results are keyed by it. */
  version: z.string(),
  updatedAt: z.string()
})
export type Extractor = z.infer<typeof Extractor>

export const ExtractorDraft = z.object({
  /** Absent: a new extractor. A built-in id saves an editable copy. */
  id: z.string().optional(),
  name: z.string().trim().min(1).max(120),
  template: TemplateKey.nullable().default(null),
  instructions: z.string().trim().min(1).max(20_000),
  /** Either a schema, or fields the schema is made from. */
  schema: JsonObject.optional(),
  fields: z.array(ExtractorField).min(1).max(100).optional(),
  detail: ImageDetail.default('auto'),
  model: z.string().trim().min(1).max(100).nullable().default(null)
})
export type ExtractorDraft = z.input<typeof ExtractorDraft>

/** Which extractor a run uses: a stored one, a template, or an ad-hoc schema (CLI --schema). */
export const ExtractorRef = z.union([
  z.object({ extractorId: z.string().min(1) }),
  z.object({ template: TemplateKey }),
  z.object({
    schema: JsonObject,
    instructions: z.string().trim().min(1).max(20_000),
    name: z.string().optional()
  })
])
export type ExtractorRef = z.infer<typeof ExtractorRef>

export const RunChoice = z.object({
  assetIds: z.array(z.string().min(1)).min(1).max(10_000),
  extractor: ExtractorRef,
  model: z.string().trim().min(1).max(100).optional(),
  detail: ImageDetail.optional(),
  providerId: z.string().optional()
})
export type RunChoice = z.input<typeof RunChoice>

export const ExtractEstimate = z.object({
  images: z.number().int(),
  /** Images already extracted with this extractor, model and detail: nothing to pay for them. */
  cached: z.number().int(),
  imageTokens: z.number().int(),
  textTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  batchCostUsd: z.number(),
  model: z.string(),
  detail: ImageDetail,
  /** Where the figures come from (the model's image formula; output tokens guessed from the schema). */
  basis: z.string()
})
export type ExtractEstimate = z.infer<typeof ExtractEstimate>

export const RowUsage = z.object({
  inputTokens: z.number().int(),
  cachedTokens: z.number().int(),
  outputTokens: z.number().int()
})
export type RowUsage = z.infer<typeof RowUsage>

export const RowStatus = z.enum(['pending', 'ok', 'failed', 'refused'])
export type RowStatus = z.infer<typeof RowStatus>

export const ExtractRow = z.object({
  assetId: z.string(),
  file: z.string(),
  /** The image in the library's file store, and its thumbnail (relative paths). */
  path: z.string().nullable(),
  thumbPath: z.string().nullable(),
  status: RowStatus,
  /** The model's fields with the user's edits applied. */
  fields: JsonObject.nullable(),
  /** The model's fields as returned. */
  original: JsonObject.nullable(),
  /** Names of the fields the user edited. */
  edited: z.array(z.string()),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  /** Raw answer kept when it did not fit the schema, or the refusal. */
  raw: z.string().nullable(),
  usage: RowUsage,
  costUsd: z.number(),
  /** Served from an earlier identical extraction: nothing was sent or paid. */
  cached: z.boolean()
})
export type ExtractRow = z.infer<typeof ExtractRow>

export const RunMode = z.enum(['direct', 'batch'])
export const RunStatus = z.enum(['running', 'waiting', 'complete', 'failed', 'cancelled'])
export type RunStatus = z.infer<typeof RunStatus>

export const RunSummary = z.object({
  id: z.string(),
  extractorId: z.string().nullable(),
  extractorName: z.string(),
  model: z.string(),
  detail: ImageDetail,
  mode: RunMode,
  status: RunStatus,
  jobId: z.string().nullable(),
  batchId: z.string().nullable(),
  counts: z.object({
    total: z.number().int(),
    ok: z.number().int(),
    failed: z.number().int(),
    refused: z.number().int(),
    pending: z.number().int()
  }),
  costUsd: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable()
})
export type RunSummary = z.infer<typeof RunSummary>

export const RunView = RunSummary.extend({
  instructions: z.string(),
  schema: JsonObject,
  rows: z.array(ExtractRow),
  usage: RowUsage
})
export type RunView = z.infer<typeof RunView>

export const RunExportFormat = z.enum(['csv', 'json', 'jsonl'])
export type RunExportFormat = z.infer<typeof RunExportFormat>

export const BatchState = z.enum([
  'validating',
  'in_progress',
  'finalizing',
  'completed',
  'failed',
  'expired',
  'cancelling',
  'cancelled'
])
export type BatchState = z.infer<typeof BatchState>

export const BatchView = z.object({
  id: z.string(),
  /** The provider's batch id. */
  remoteId: z.string(),
  runId: z.string().nullable(),
  providerId: z.string(),
  model: z.string(),
  endpoint: z.string(),
  state: BatchState,
  requestCounts: z.object({ total: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
  requests: z.number().int(),
  imported: z.boolean(),
  costUsd: z.number(),
  /** What the same requests would have cost sent one by one. */
  directCostUsd: z.number(),
  inputFileId: z.string().nullable(),
  outputFileId: z.string().nullable(),
  errorFileId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  error: z.string().nullable(),
  /** A job is polling it (or waits for the network to); false once it stopped without importing. */
  following: z.boolean()
})
export type BatchView = z.infer<typeof BatchView>
