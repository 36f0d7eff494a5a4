import { z } from 'zod'
import { SUMMARY_JOB, SummaryOptions } from '@shared/domain/video'
import type { VideoSummaryService } from './summary-service'
import { defineJobKind } from '../../jobs/job-kind'

/** One summary at a time: each already runs two windows in parallel under the provider's rate limit. */
export function summaryJobKind(deps: { summaries: VideoSummaryService }) {
  return defineJobKind({
    kind: SUMMARY_JOB,
    concurrency: 1,
    payload: z.object({ assetId: z.string(), options: SummaryOptions, force: z.boolean().default(false) }),
    run: (payload, ctx) => deps.summaries.run(payload, ctx)
  })
}
