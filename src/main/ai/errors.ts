import type OpenAI from 'openai'
import { AppError, isAppError, type ErrorCode } from '@shared/errors'
import { openaiSdk } from './openai-sdk'

/** What went wrong, in plain words, and what fixes it (the troubleshooting table, one place). */
export interface AiErrorDetails {
  status: number | null
  providerCode: string | null
  param: string | null
  requestId: string | null
  /** Seconds the provider asked us to wait, when it said. */
  retryAfterS: number | null
  fix: string
}

function aiError(code: ErrorCode, message: string, details: AiErrorDetails, cause: unknown): AppError {
  return new AppError(code, `${message} ${details.fix}`.trim(), details, { cause })
}

/** Turns whatever the SDK or the network threw into an AppError with a code, an explanation and a fix. */
export function toAiError(error: unknown, providerName: string): AppError {
  if (isAppError(error)) return error
  const { OpenAI } = openaiSdk()
  if (error instanceof OpenAI.APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppError('CANCELLED', 'The request was cancelled.')
  }
  const base = (fix: string, apiError?: InstanceType<typeof OpenAI.APIError>): AiErrorDetails => ({
    status: apiError?.status ?? null,
    providerCode: apiError?.code ?? null,
    param: apiError?.param ?? null,
    requestId: apiError?.requestID ?? null,
    retryAfterS: apiError?.headers ? waitFromHeaders(apiError.headers) : null,
    fix
  })
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return aiError(
      'AI_TIMEOUT',
      `${providerName} took too long to answer.`,
      base('High latency: try a regional endpoint, a nearer proxy, or a smaller request.'),
      error
    )
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return aiError(
      'AI_OFFLINE',
      `${providerName} could not be reached.`,
      base('Check the network, the base URL and the proxy setting; queued work resumes when it is back.'),
      error
    )
  }
  if (error instanceof OpenAI.APIError) return fromApiError(error, providerName, base)
  if (error instanceof SyntaxError) {
    return aiError(
      'AI_BAD_RESPONSE',
      `${providerName} sent a response that is not valid JSON.`,
      base('This is usually a proxy or gateway problem; try again or check the base URL.'),
      error
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  if (/terminated|socket|ECONNRESET|premature close|other side closed/i.test(message)) {
    return aiError(
      'AI_STREAM_INTERRUPTED',
      `The connection to ${providerName} was cut off mid-answer.`,
      base('It is retried automatically; if it keeps happening, check the proxy.'),
      error
    )
  }
  return new AppError('INTERNAL', message, undefined, { cause: error })
}

function fromApiError(
  error: InstanceType<typeof OpenAI.APIError>,
  name: string,
  base: (fix: string, e?: InstanceType<typeof OpenAI.APIError>) => AiErrorDetails
): AppError {
  const status = error.status ?? 0
  const said = error.message.replace(/^\d{3}\s*/, '')
  if (status === 401 || status === 403) {
    return aiError(
      'AI_AUTH_FAILED',
      `${name} rejected the API key (${status}).`,
      base('Enter a valid key in Settings → Providers (keys are stored in the system keychain).', error),
      error
    )
  }
  if (status === 429 && error.code === 'insufficient_quota') {
    return aiError(
      'AI_QUOTA_EXCEEDED',
      `The ${name} account has no quota left.`,
      base('Add credit or raise the limit in the provider’s billing settings; this is not retried.', error),
      error
    )
  }
  if (status === 429) {
    return aiError(
      'AI_RATE_LIMITED',
      `${name} rate limit reached: ${said}`,
      base('Framewise waits as long as the provider asks and retries.', error),
      error
    )
  }
  if (status === 400 && error.code === 'context_length_exceeded') {
    return aiError(
      'AI_CONTEXT_TOO_LONG',
      `The request is longer than the model accepts.`,
      base(
        'Use fewer frames or lower detail, a shorter transcript, or a model with a larger context.',
        error
      ),
      error
    )
  }
  if (status === 404) {
    return aiError(
      'AI_MODEL_NOT_FOUND',
      `${name} does not know this model or path: ${said}`,
      base(
        'Pick a model from the provider’s list (Settings → Providers → Test connection); Azure needs a deployment per model.',
        error
      ),
      error
    )
  }
  if (isModerationBlock(error.code)) {
    return aiError(
      'AI_REFUSED',
      `${name} refused the prompt: ${said}`,
      base('Nothing was stored or charged. Reword the prompt and try again.', error),
      error
    )
  }
  if (status >= 500) {
    return aiError(
      'AI_UNAVAILABLE',
      `${name} had a server error (${status}).`,
      base('It is retried, then a fallback provider is used if one is set.', error),
      error
    )
  }
  const param = error.param ? ` (parameter “${error.param}”)` : ''
  return aiError(
    'AI_INVALID_REQUEST',
    `${name} rejected the request${param}: ${said}`,
    base(fixForInvalid(error), error),
    error
  )
}

/** The image APIs' safety system turning a prompt or an input image down. */
export function isModerationBlock(code: string | null | undefined): boolean {
  return code === 'moderation_blocked' || code === 'content_policy_violation'
}

function fixForInvalid(error: InstanceType<typeof OpenAI.APIError>): string {
  if (error.code === 'unsupported_parameter' || error.code === 'unsupported_value') {
    return 'This model does not take that parameter; Framewise leaves it out for known models — update the model’s capabilities if this one is new.'
  }
  if (/schema|json/i.test(error.message))
    return 'Check the JSON schema: strict mode needs every property required and additionalProperties: false.'
  return 'Check the model name and the options for this provider.'
}

/** retry-after-ms, retry-after (seconds or a date), then x-ratelimit-reset-* ("1s", "6m0s", "20ms"). */
export function waitFromHeaders(headers: Headers): number | null {
  const ms = Number(headers.get('retry-after-ms'))
  if (headers.get('retry-after-ms') && Number.isFinite(ms)) return ms / 1000
  const after = headers.get('retry-after')
  if (after) {
    const seconds = Number(after)
    if (Number.isFinite(seconds)) return seconds
    const date = Date.parse(after)
    if (Number.isFinite(date)) return Math.max(0, (date - Date.now()) / 1000)
  }
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
    .map((h) => parseDuration(headers.get(h)))
    .filter((v): v is number => v !== null)
  return resets.length > 0 ? Math.max(...resets) : null
}

/** "1s", "6m0s", "1h2m3.5s", "20ms" → seconds. */
export function parseDuration(text: string | null): number | null {
  if (!text) return null
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g
  let total = 0
  let found = false
  for (const match of text.matchAll(re)) {
    found = true
    const value = Number(match[1])
    total +=
      match[2] === 'ms'
        ? value / 1000
        : match[2] === 'h'
          ? value * 3600
          : match[2] === 'm'
            ? value * 60
            : value
  }
  return found ? total : null
}
