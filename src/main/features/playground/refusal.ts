import { isAppError } from '@shared/errors'

/** The model's own refusal (a structured answer it would not give), as opposed to a failure. */
export function refusalOf(error: unknown): string | null {
  if (!isAppError(error) || error.code !== 'AI_REFUSED') return null
  const details = error.details as { refusal?: unknown } | undefined
  return typeof details?.refusal === 'string' ? details.refusal : null
}
