import type { z } from 'zod'
import type { Job, JobStage } from '@shared/domain/job'

export interface EnqueueRequest {
  kind: string
  title: string
  payload: unknown
  parentId?: string | null
  assetId?: string | null
  /** While a job with this key is active, enqueueing the same key returns that job. */
  dedupeKey?: string | null
}

export interface JobContext {
  job: Job
  signal: AbortSignal
  /** Reports the current stage and how far along it the whole job is (0..1). */
  progress(stage: JobStage, fraction: number): void
  enqueueChild(request: Omit<EnqueueRequest, 'parentId'>): Job
  /** True when the signal fired because the user cancelled (not because the app is closing). */
  cancelledByUser(): boolean
}

export interface JobKind<S extends z.ZodType = z.ZodType> {
  kind: string
  concurrency: number
  payload: S
  run(payload: z.output<S>, ctx: JobContext): Promise<unknown>
}

export function defineJobKind<S extends z.ZodType>(kind: JobKind<S>): JobKind<S> {
  return kind
}
