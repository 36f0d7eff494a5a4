import { z } from 'zod'
import { ERROR_CODES } from '../errors'

export const JobState = z.enum(['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'])
export type JobState = z.infer<typeof JobState>

export const ACTIVE_JOB_STATES: readonly JobState[] = ['queued', 'running', 'waiting']

export const JobError = z.object({ code: z.enum(ERROR_CODES), message: z.string() })

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  /** Short human label, e.g. the file name a thumbnail job works on. */
  title: z.string(),
  state: JobState,
  stage: z.string().nullable(),
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
