import { z } from 'zod'
import { Settings, SettingsPatch } from '../domain/settings'
import { route } from './define'

export const settingsRoutes = {
  'settings.get': route({ input: z.object({}).default({}), output: Settings }),
  'settings.update': route({ input: SettingsPatch, output: Settings })
}
