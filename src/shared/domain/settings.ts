import { z } from 'zod'

export const Language = z.enum(['en', 'zh-CN'])
export type Language = z.infer<typeof Language>

export const ThemeMode = z.enum(['light', 'dark', 'auto'])
export type ThemeMode = z.infer<typeof ThemeMode>

const fields = {
  theme: ThemeMode,
  language: Language,
  ffmpegPath: z.string().max(4096),
  ffprobePath: z.string().max(4096),
  libraryGridSize: z.enum(['small', 'medium', 'large'])
}

/** Every user setting with its default; stored one row per key so a bad value never hides the rest. */
export const Settings = z.object({
  theme: fields.theme.default('auto'),
  language: fields.language.default('en'),
  ffmpegPath: fields.ffmpegPath.default(''),
  ffprobePath: fields.ffprobePath.default(''),
  libraryGridSize: fields.libraryGridSize.default('medium')
})
export type Settings = z.infer<typeof Settings>
/** Only the fields sent are changed: no defaults here, or saving one field would reset the others. */
export const SettingsPatch = z.object(fields).partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
