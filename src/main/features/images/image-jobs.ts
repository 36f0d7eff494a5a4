import { z } from 'zod'
import { BATCH_POLL_JOB, EXTRACT_JOB } from '@shared/domain/extract'
import { defineJobKind } from '../../jobs/job-kind'
import type { BatchRunner } from './batch-runner'
import type { DirectRunner } from './direct-runner'

const RunPayload = z.object({ runId: z.string(), force: z.boolean().default(false) })

/** A run sent image by image (each run keeps 4 requests in flight). */
export function extractJobKind(deps: { direct: DirectRunner }) {
  return defineJobKind({
    kind: EXTRACT_JOB,
    concurrency: 2,
    payload: RunPayload,
    run: ({ runId, force }, ctx) => deps.direct.run(runId, force, ctx)
  })
}

/**
 * A run sent as Batches: asleep between polls almost all the time, so a slot costs only a timer.
 * The limit is high because a run waiting in the queue is a run whose batch is never even sent.
 */
export function batchJobKind(deps: { batch: BatchRunner }) {
  return defineJobKind({
    kind: BATCH_POLL_JOB,
    concurrency: 64,
    payload: RunPayload,
    run: ({ runId, force }, ctx) => deps.batch.run(runId, force, ctx)
  })
}
