import { z } from 'zod'

export const Language = z.enum(['en', 'zh-CN'])
export type Language = z.infer<typeof Language>

export const ThemeMode = z.enum(['light', 'dark', 'auto'])
export type ThemeMode = z.infer<typeof ThemeMode>

/** Every user setting with its default; stored one row per key so a bad value never hides the rest. */
export const Settings = z.object({
  theme: ThemeMode.default('auto'),
  language: Language.default('en'),
  ffmpegPath: z.string().default(''),
  ffprobePath: z.string().default(''),
  libraryGridSize: z.enum(['small', 'medium', 'large']).default('medium')
})
export type Settings = z.infer<typeof Settings>
export const SettingsPatch = Settings.partial()
export type SettingsPatch = z.infer<typeof SettingsPatch>
