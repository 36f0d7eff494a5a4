import { AppError } from '@shared/errors'

/**
 * Where a page ended, so the next one starts right after it (keyset pagination, ADR 013):
 * browsing by (created_at, rowid) of the asset; a trigram search by (field tier, search row id);
 * a short-term scan by search row id.
 */
export type ListPosition =
  { m: 'browse'; c: string; r: number } | { m: 'match'; t: number; r: number } | { m: 'like'; r: number }

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url')
}

/** The position a cursor holds, or VALIDATION_FAILED when it is not one this kind of list made. */
export function decodeCursor(cursor: string, mode: ListPosition['m']): ListPosition {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  if (isPosition(value) && value.m === mode) return value
  throw new AppError(
    'VALIDATION_FAILED',
    'The cursor does not belong to this list; start again from the first page.'
  )
}

function isPosition(value: unknown): value is ListPosition {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (!Number.isSafeInteger(v.r)) return false
  if (v.m === 'browse') return typeof v.c === 'string'
  if (v.m === 'match') return v.t === 0 || v.t === 1 || v.t === 2
  return v.m === 'like'
}
