import type { TFunction } from 'i18next'

/** The one place error codes become words: a translated summary plus the core's specific message. */
export function errorText(
  t: TFunction,
  error: { code: string; message: string }
): { title: string; detail: string } {
  const key = `errors.${error.code}`
  const title = t(key, { defaultValue: t('errors.INTERNAL') })
  return { title, detail: error.message }
}
