import type { AppError } from '@shared/errors'
import type { AiErrorDetails } from './errors'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Longest wait honoured from retry-after headers before giving up on this provider. */
  maxHeaderWaitMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxHeaderWaitMs: 120_000
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number; reason: 'rate-limit' | 'server' | 'network' | 'interrupted' }
  | { kind: 'fallback' }
  | { kind: 'fail' }

const RETRYABLE: Partial<Record<AppError['code'], 'server' | 'network' | 'interrupted'>> = {
  AI_UNAVAILABLE: 'server',
  AI_OFFLINE: 'network',
  AI_TIMEOUT: 'network',
  AI_STREAM_INTERRUPTED: 'interrupted',
  AI_BAD_RESPONSE: 'interrupted'
}

/** Exponential backoff with full jitter; a provider's own wait time always wins. */
export function decideRetry(
  error: AppError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random
): RetryDecision {
  const details = (error.details ?? {}) as Partial<AiErrorDetails> & { retryable?: boolean }
  // The model's own output did not fit (e.g. JSON against the schema): asking again pays again.
  if (details.retryable === false) return { kind: 'fail' }
  if (error.code === 'AI_RATE_LIMITED') {
    if (attempt >= policy.maxAttempts) return { kind: 'fail' }
    const asked =
      details.retryAfterS !== null && details.retryAfterS !== undefined ? details.retryAfterS * 1000 : null
    if (asked !== null && asked > policy.maxHeaderWaitMs) return { kind: 'fail' }
    return { kind: 'retry', delayMs: asked ?? backoff(attempt, policy, random), reason: 'rate-limit' }
  }
  const reason = RETRYABLE[error.code]
  if (!reason) return { kind: 'fail' }
  if (attempt >= policy.maxAttempts) return reason === 'interrupted' ? { kind: 'fail' } : { kind: 'fallback' }
  // Server and network trouble: a couple of quick retries, then the fallback provider.
  if ((reason === 'server' || reason === 'network') && attempt >= Math.min(3, policy.maxAttempts))
    return { kind: 'fallback' }
  return { kind: 'retry', delayMs: backoff(attempt, policy, random), reason }
}

export function backoff(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
