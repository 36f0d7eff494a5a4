import { PRESETS } from '../ai/presets'
import type { Handlers } from './router'
import type { AppServices } from './create-app'

/** Every handler only delegates; the logic lives in the services. */
export function createHandlers(s: AppServices): Handlers {
  return {
    'app.info': () => s.app.info(),
    'app.doctor': () => s.doctor.report(),
    'library.list': (input) => s.library.list(input),
    'library.get': ({ id }) => s.library.get(id),
    'library.import': ({ paths }) => s.library.startImport(paths),
    'library.delete': ({ ids }) => s.library.delete(ids),
    'library.rename': ({ id, name }) => s.library.rename(id, name),
    'jobs.list': ({ states, limit }) => s.jobsRepo.list({ states, limit }),
    'jobs.get': ({ id }) => s.jobs.get(id),
    'jobs.cancel': ({ id }) => s.jobs.cancel(id),
    'jobs.retry': ({ id }) => s.jobs.retry(id),
    'jobs.clearFinished': () => ({ removed: s.jobsRepo.clearFinished() }),
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
    'video.frames': ({ assetId }) => s.keyframes.latest(assetId),
    'video.keyframes': ({ assetId, force, ...options }) => s.video.startKeyframes(assetId, options, force),
    'video.playable': ({ assetId }) => s.playable.get(assetId),
    'video.makePlayable': ({ assetId }) => s.playable.start(assetId),
    'video.summarize': ({ assetId, options, force }) => s.summaries.start(assetId, options, force),
    'video.estimate': ({ assetId, options }) => s.summaries.estimate(assetId, options),
    'video.analysis': ({ assetId }) => s.summaries.get(assetId),
    'video.export': ({ assetId, format }) => s.summaries.export(assetId, format),
    'video.ask': ({ assetId, question }) => s.summaries.ask(assetId, question),
    'video.conversation': ({ assetId }) => s.summaries.conversation(assetId),
    'video.conversation.clear': ({ assetId }) => {
      s.summaries.clearConversation(assetId)
      return null
    },
    'providers.list': () => s.providers.list(),
    'providers.presets': () => Object.values(PRESETS),
    'providers.save': ({ id, provider }) => s.providers.save(id, provider),
    'providers.remove': ({ id }) => s.providers.remove(id),
    'providers.test': ({ id }) => s.ai.testProvider(id),
    'providers.status': () => s.health.status(),
    'usage.summary': (range) => s.usage.summary(range),
    'usage.recent': ({ limit }) => s.usage.recent(limit),
    'prices.list': () => s.prices.list(),
    'prices.update': (price) => s.prices.update(price),
    'prices.reset': ({ model }) => s.prices.reset(model)
  }
}
