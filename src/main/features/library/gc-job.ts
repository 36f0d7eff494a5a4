import { z } from 'zod'
import { defineJobKind } from '../../jobs/job-kind'
import type { BlobStore } from '../../store/blob-store'

export const GC_JOB = 'library.gc'
/** Blobs stored less than this long ago are left alone: another process may be about to record them. */
export const GC_GRACE_MS = 10 * 60 * 1000

/** Removes files nothing uses any more; queued by long-running processes, never run at start-up. */
export function gcJobKind(deps: { blobs: BlobStore }) {
  return defineJobKind({
    kind: GC_JOB,
    concurrency: 1,
    payload: z.object({}).default({}),
    run: () => deps.blobs.collectGarbage({ graceMs: GC_GRACE_MS })
  })
}
