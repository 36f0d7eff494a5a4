import { z } from 'zod'
import {
  BatchView,
  ExtractEstimate,
  Extractor,
  ExtractorDraft,
  RunChoice,
  RunExportFormat,
  RunSummary,
  RunView
} from '../domain/extract'
import { ExportedFile } from '../domain/video'
import { route } from './define'

const RunRef = z.object({ runId: z.string().min(1) })
const Started = z.object({ runId: z.string(), jobId: z.string() })

export const imagesRoutes = {
  /** Built-in templates first, then the user's extractors. */
  'images.extractors': route({ input: z.object({}).default({}), output: z.array(Extractor) }),
  /** Creates or updates an extractor (a built-in one is saved as an editable copy); the schema is linted first. */
  'images.extractor.save': route({ input: ExtractorDraft, output: Extractor }),
  'images.extractor.delete': route({ input: z.object({ id: z.string().min(1) }), output: z.void() }),
  /** The strict structured-output rules a schema breaks (empty: fine), for the editor as you type. */
  'images.schema.lint': route({
    input: z.object({ schema: z.unknown() }),
    output: z.array(z.object({ path: z.string(), message: z.string() }))
  }),
  /** Tokens and cost before running (and as a Batch: half); calls nothing. Forced: nothing counts as answered. */
  'images.estimate': route({
    input: RunChoice.extend({ force: z.boolean().default(false) }),
    output: ExtractEstimate
  }),
  /** Starts a run: image by image now, or as one Batch; answers already paid for are reused unless forced. */
  'images.run': route({
    input: RunChoice.extend({ force: z.boolean().default(false), batch: z.boolean().default(false) }),
    output: Started
  }),
  'images.runs': route({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }),
    output: z.array(RunSummary)
  }),
  'images.run.view': route({ input: RunRef, output: RunView }),
  /** Cell edits, kept apart from the model's answer; null reverts a field. */
  'images.run.edit': route({
    input: RunRef.extend({ assetId: z.string().min(1), edits: z.record(z.string().max(64), z.unknown()) }),
    output: RunView
  }),
  /** Asks again for failed and refused rows (or the ones named). */
  'images.run.retry': route({
    input: RunRef.extend({ assetIds: z.array(z.string().min(1)).max(10_000).optional() }),
    output: Started
  }),
  'images.run.export': route({ input: RunRef.extend({ format: RunExportFormat }), output: ExportedFile }),
  'images.run.delete': route({ input: RunRef, output: z.void() }),
  'batch.list': route({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.array(BatchView)
  }),
  'batch.get': route({ input: z.object({ id: z.string().min(1) }), output: BatchView }),
  /** Asks the provider to cancel; what was answered is still imported. */
  'batch.cancel': route({ input: z.object({ id: z.string().min(1) }), output: BatchView }),
  /** Polls and imports the batch in this process when nobody else does; null job: already imported. */
  'batch.follow': route({
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ runId: z.string(), jobId: z.string().nullable() })
  })
}
