import { z } from 'zod'
import { IMAGE_JOB } from '@shared/domain/gallery'
import { defineJobKind } from '../../jobs/job-kind'
import type { GalleryService } from './gallery-service'

/** One image request of the Gallery; two at a time (each is one HTTP call that takes a while). */
export function imageJobKind(deps: { gallery: GalleryService }) {
  return defineJobKind({
    kind: IMAGE_JOB,
    concurrency: 2,
    payload: z.object({ runId: z.string() }),
    run: ({ runId }, ctx) => deps.gallery.run(runId, ctx)
  })
}
