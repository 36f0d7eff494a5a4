// Error codes cross every transport as plain strings; the UI maps each to text in every language.
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'INTERNAL',
  'CANCELLED',
  'CONFLICT',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'PATH_NOT_ALLOWED',
  'MEDIA_UNSUPPORTED',
  'MEDIA_CORRUPT',
  'MEDIA_TOO_LARGE',
  'MEDIA_DECODE_FAILED',
  'MEDIA_NO_VIDEO',
  'MEDIA_NO_AUDIO',
  'FFMPEG_MISSING',
  'FFMPEG_TIMEOUT',
  'STORE_FAILED',
  'SECRET_STORE_UNAVAILABLE',
  'PROVIDER_NOT_CONFIGURED',
  'PROVIDER_UNSUPPORTED',
  'AI_AUTH_FAILED',
  'AI_RATE_LIMITED',
  'AI_QUOTA_EXCEEDED',
  'AI_CONTEXT_TOO_LONG',
  'AI_INVALID_REQUEST',
  'AI_MODEL_NOT_FOUND',
  'AI_STREAM_INTERRUPTED',
  'AI_TIMEOUT',
  'AI_UNAVAILABLE',
  'AI_OFFLINE',
  'AI_REFUSED',
  'AI_BAD_RESPONSE',
  'AI_SCHEMA_INVALID',
  'AI_TOOL_NOT_CALLED',
  'BUDGET_EXCEEDED'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces across a transport. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo()
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'The operation was cancelled.' }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: message || 'Unexpected error.' }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** A code read back from storage or another process, checked against the known codes. */
export function errorCodeOf(value: unknown, fallback: ErrorCode): ErrorCode {
  return isErrorCode(value) ? value : fallback
}
