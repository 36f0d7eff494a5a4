import { Settings, type SettingsPatch } from '@shared/domain/settings'
import type { EventBus } from '../../platform/event-bus'
import type { SettingsRepo } from './settings-repo'

const DEFAULTS: Settings = Settings.parse({})

export class SettingsService {
  constructor(private readonly deps: { repo: SettingsRepo; bus: EventBus }) {}

  /** Each key is validated on its own, so one bad stored value falls back alone. */
  get(): Settings {
    const stored = this.deps.repo.all()
    const out: Record<string, unknown> = { ...DEFAULTS }
    for (const [key, schema] of Object.entries(Settings.shape)) {
      if (!(key in stored)) continue
      const parsed = schema.safeParse(stored[key])
      if (parsed.success) out[key] = parsed.data
    }
    return out as Settings
  }

  update(patch: SettingsPatch): Settings {
    this.deps.repo.setMany(patch, new Date().toISOString())
    const settings = this.get()
    this.deps.bus.emit('settings.changed', settings)
    return settings
  }
}
