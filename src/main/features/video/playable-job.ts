import { z } from 'zod'
import type { EventBus } from '../../platform/event-bus'
import { PLAYABLE_JOB } from '@shared/domain/video'
import type { PlayableService } from './playable-service'
import { defineJobKind } from '../../jobs/job-kind'

export function playableJobKind(deps: { playable: PlayableService; bus: EventBus }) {
  return defineJobKind({
    kind: PLAYABLE_JOB,
    concurrency: 1,
    payload: z.object({ assetId: z.string() }),
    async run({ assetId }, ctx) {
      const path = await deps.playable.make(assetId, {
        signal: ctx.signal,
        progress: (fraction) => ctx.progress('making-playable-copy', fraction)
      })
      deps.bus.emit('library.changed', { reason: 'updated', ids: [assetId] })
      return { path }
    }
  })
}
