import type { KeyframeOptions } from '@shared/domain/frames'
import type { JobQueue } from '../../jobs/job-queue'
import { KEYFRAMES_JOB } from './keyframes-job'
import type { AssetsRepo } from '../../store/assets-repo'
import type { KeyframeService } from './keyframe-service'

/** Starts work on library videos; the work itself runs as jobs. */
export class VideoService {
  constructor(private readonly deps: { assets: AssetsRepo; jobs: JobQueue; keyframes: KeyframeService }) {}

  startKeyframes(assetId: string, options: KeyframeOptions, force: boolean): { jobId: string } {
    const asset = this.deps.assets.requireVideo(assetId)
    const job = this.deps.jobs.enqueue({
      kind: KEYFRAMES_JOB,
      title: asset.name,
      payload: { assetId, force, ...options },
      assetId,
      dedupeKey: `${KEYFRAMES_JOB}:${assetId}:${this.deps.keyframes.optionsKey(options)}`
    })
    return { jobId: job.id }
  }
}
