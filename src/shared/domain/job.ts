import { z } from 'zod'
import { ERROR_CODES } from '../errors'

/**
 * `interrupted` is never stored: it is a `running` job whose process stopped renewing its lease
 * (killed, crashed); another process sharing the library takes it over.
 */
export const JobState = z.enum([
  'queued',
  'running',
  'waiting',
  'interrupted',
  'succeeded',
  'failed',
  'cancelled'
])
export type JobState = z.infer<typeof JobState>

export const ACTIVE_JOB_STATES: readonly JobState[] = ['queued', 'running', 'waiting', 'interrupted']

/** What a running job is doing; each has a label in every language (jobs.stages.<stage>). */
export const JobStage = z.enum([
  'scanning',
  'importing',
  'rendering-preview',
  'probing',
  'reading-index',
  'decoding',
  'decoding-keyframes',
  'finding-cuts',
  'filling-gaps',
  'storing-frames',
  'selecting-keyframes',
  'preparing-audio',
  'transcribing',
  'summarising',
  'synthesising',
  'joining-audio',
  'making-playable-copy',
  'generating-image',
  'storing-images',
  'waiting-for-rate-limit',
  'extracting',
  'submitting-batch',
  'waiting-for-batch',
  'importing-results'
])
export type JobStage = z.infer<typeof JobStage>

export const JobError = z.object({ code: z.enum(ERROR_CODES), message: z.string() })

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  /** Short human label, e.g. the file name a thumbnail job works on. */
  title: z.string(),
  state: JobState,
  stage: JobStage.nullable(),
  progress: z.number().min(0).max(1),
  attempts: z.number().int(),
  error: JobError.nullable(),
  result: z.unknown().nullable(),
  parentId: z.string().nullable(),
  assetId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable()
})
export type Job = z.infer<typeof Job>
