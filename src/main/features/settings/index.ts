import type { EventBus } from '../../platform/event-bus'
import type { Db } from '../../store/database'
import type { HandlerSlice } from '../feature'
import { SettingsRepo } from './settings-repo'
import { SettingsService } from './settings-service'

export function settingsFeature(deps: { db: Db; bus: EventBus }) {
  const settings = new SettingsService({ repo: new SettingsRepo(deps.db), bus: deps.bus })
  const handlers: HandlerSlice<'settings.get' | 'settings.update'> = {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch)
  }
  return { services: { settings }, handlers }
}
