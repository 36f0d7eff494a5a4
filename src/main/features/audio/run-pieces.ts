import { toErrorInfo, type ErrorCode } from '@shared/errors'

/** Pieces sent at once: long work finishes sooner without tripping per-minute request limits. */
const PARALLEL_PIECES = 3
/** Failures every later piece would meet too: stop sending, keep what arrived. */
const STOP_ALL: readonly ErrorCode[] = [
  'CANCELLED',
  'AI_OFFLINE',
  'AI_QUOTA_EXCEEDED',
  'AI_AUTH_FAILED',
  'AI_MODEL_NOT_FOUND',
  'PROVIDER_NOT_CONFIGURED',
  'PROVIDER_UNSUPPORTED'
]

/**
 * Runs the pieces a few at a time. A piece that fails does not stop the others (they are kept, and
 * only it is asked again later), unless the failure would meet every piece; the first error is
 * raised once everything in flight has settled.
 */
export async function runPieces<T>(
  items: readonly T[],
  signal: AbortSignal | undefined,
  fn: (item: T) => Promise<void>,
  parallel = PARALLEL_PIECES
): Promise<void> {
  let next = 0
  let failure: unknown = null
  let stop = false
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop && !signal?.aborted) {
      const item = items[next++] as T
      try {
        await fn(item)
      } catch (error) {
        failure ??= error
        if (STOP_ALL.includes(toErrorInfo(error).code)) stop = true
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
  if (failure) throw failure
  signal?.throwIfAborted()
}
