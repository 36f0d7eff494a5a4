import { z } from 'zod'
import { KeyframeOptions } from '@shared/domain/frames'
import type { EventBus } from '../../platform/event-bus'
import type { KeyframeService } from './keyframe-service'
import { defineJobKind } from '../../jobs/job-kind'

export const KEYFRAMES_JOB = 'video.keyframes'

export function keyframesJobKind(deps: { keyframes: KeyframeService; bus: EventBus }) {
  return defineJobKind({
    kind: KEYFRAMES_JOB,
    concurrency: 1,
    payload: KeyframeOptions.extend({ assetId: z.string(), force: z.boolean().default(false) }),
    async run({ assetId, force, ...options }, ctx) {
      const cached = force ? null : deps.keyframes.cached(assetId, options)
      const set =
        cached ??
        (await deps.keyframes.extract(assetId, options, { signal: ctx.signal, progress: ctx.progress }))
      deps.bus.emit('library.changed', { reason: 'updated', ids: [assetId] })
      return {
        frameSetId: set.id,
        frames: set.frames.length,
        strategy: set.strategy,
        cached: cached !== null
      }
    }
  })
}
