import type { AiServices } from '../../ai/wire'
import { PRESETS } from '../../ai/presets'
import type { HandlerSlice } from '../feature'

/** Settings → Providers: the records, their presets, connection tests and reachability. */
export function providersFeature(deps: { ai: AiServices }) {
  const { providers, ai, health } = deps.ai
  const handlers: HandlerSlice<
    | 'providers.list'
    | 'providers.presets'
    | 'providers.save'
    | 'providers.remove'
    | 'providers.test'
    | 'providers.status'
  > = {
    'providers.list': () => providers.list(),
    'providers.presets': () => Object.values(PRESETS),
    'providers.save': ({ id, provider }) => providers.save(id, provider),
    'providers.remove': ({ id }) => providers.remove(id),
    'providers.test': ({ id }) => ai.testProvider(id),
    'providers.status': () => health.status()
  }
  return { handlers }
}
