import { isAppError } from '@shared/errors'
import type { TurnState } from './turn-state'

/** The model's own refusal (a structured answer it would not give), as opposed to a failure. */
export function refusalOf(error: unknown): string | null {
  if (!isAppError(error) || error.code !== 'AI_REFUSED') return null
  const details = error.details as { refusal?: unknown } | undefined
  return typeof details?.refusal === 'string' ? details.refusal : null
}

/**
 * One round's call to the model: a refusal it raises ends the round as a refusal part (null is
 * returned, the turn stops there); any other failure is thrown on.
 */
export async function callOrRefuse<T>(state: TurnState, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call()
  } catch (error) {
    const refusal = refusalOf(error)
    if (refusal === null) throw error
    state.refusal = refusal
    state.endRound([{ type: 'refusal', text: refusal }])
    return null
  }
}
