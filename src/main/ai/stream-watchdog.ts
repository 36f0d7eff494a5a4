import { AppError } from '@shared/errors'

/** Seconds without a single stream event before a stream counts as stalled. */
export const DEFAULT_INACTIVITY_MS = 90_000
/** Local models can think for minutes before the first token. */
export const LOCAL_INACTIVITY_MS = 10 * 60_000

/**
 * Iterates a stream and aborts it when nothing arrives for `inactivityMs`: slow but alive streams
 * are never cut by a total timeout.
 */
export async function* watchStream<T>(
  stream: AsyncIterable<T>,
  inactivityMs: number,
  abort: () => void
): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]()
  for (;;) {
    let timer: NodeJS.Timeout | undefined
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort()
        reject(
          new AppError(
            'AI_TIMEOUT',
            `No data arrived for ${Math.round(inactivityMs / 1000)} s, so the stream was stopped. High latency: try a regional endpoint or a proxy.`,
            { status: null, providerCode: null, param: null, requestId: null, retryAfterS: null, fix: '' }
          )
        )
      }, inactivityMs)
    })
    try {
      const next = await Promise.race([iterator.next(), stalled])
      if (next.done) return
      yield next.value
    } finally {
      clearTimeout(timer)
    }
  }
}
