import type { TFunction } from 'i18next'
import { TemplateKey } from '@shared/domain/extract'

/** A built-in template's run is named in the reader's language; the user's extractors keep their names. */
export function runName(t: TFunction, run: { extractorId: string | null; extractorName: string }): string {
  const key = TemplateKey.safeParse(run.extractorId?.replace(/^builtin:/, ''))
  return run.extractorId?.startsWith('builtin:') && key.success
    ? t(`images.templates.${key.data}`)
    : run.extractorName
}

/** A stored time in the reader's language. */
export function localTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language)
}
