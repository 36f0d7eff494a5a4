import type { VoiceSessionSummary } from '@shared/domain/voice'
import { AppError } from '@shared/errors'
import type { Db } from '../../store/database'
import { planSearch, type LikeTerm } from '../../store/search-query'
import { SESSION_COLUMNS, toSummary, type SessionRow } from './voice-repo'

export interface SessionQuery {
  search?: string
  limit: number
  cursor?: string
}

const SNIPPET_CHARS = 120
const likeTurn = `EXISTS (SELECT 1 FROM voice_turns t WHERE t.session_id = s.id AND t.text LIKE ? ESCAPE '\\')`

/**
 * Sessions newest first, or those with a turn that matches: terms of 3+ characters through the
 * trigram index, shorter ones (two-character Chinese words) by LIKE, as the library does (ADR 013).
 */
export function listSessions(
  db: Db,
  query: SessionQuery
): { items: VoiceSessionSummary[]; nextCursor: string | null } {
  const where: string[] = []
  const args: unknown[] = []
  const plan = planSearch(query.search)
  const filters: LikeTerm[] = plan.mode === 'none' ? [] : plan.filters
  if (plan.mode === 'match') {
    where.push(
      `s.id IN (SELECT t.session_id FROM voice_turns t WHERE t.id IN
         (SELECT rowid FROM voice_fts WHERE voice_fts MATCH ?))`
    )
    args.push(plan.match)
  }
  for (const filter of filters) {
    where.push(likeTurn)
    args.push(filter.pattern)
  }
  if (query.cursor) {
    const [startedAt, rowid] = readCursor(query.cursor)
    where.push('(s.started_at < ? OR (s.started_at = ? AND s.rowid < ?))')
    args.push(startedAt, startedAt, rowid)
  }
  const rows = db
    .prepare(
      `SELECT ${SESSION_COLUMNS}, s.rowid AS row_id FROM voice_sessions s
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.started_at DESC, s.rowid DESC LIMIT ?`
    )
    .all(...args, query.limit + 1) as (SessionRow & { row_id: number })[]
  const page = rows.slice(0, query.limit)
  const terms = searchTerms(query.search)
  const items = page.map((row) => toSummary(row, terms.length ? snippetOf(db, row.id, terms) : null))
  const last = page.at(-1)
  return {
    items,
    nextCursor: rows.length > query.limit && last ? cursorOf(last.started_at, last.row_id) : null
  }
}

function searchTerms(search: string | undefined): string[] {
  return (search ?? '').trim().toLocaleLowerCase().split(/\s+/u).filter(Boolean)
}

/** An excerpt of the first turn that holds the first term, around it. */
function snippetOf(db: Db, sessionId: string, terms: string[]): string | null {
  const turns = db
    .prepare('SELECT text FROM voice_turns WHERE session_id = ? ORDER BY seq')
    .all(sessionId) as { text: string }[]
  const term = terms[0] ?? ''
  for (const { text } of turns) {
    const at = text.toLocaleLowerCase().indexOf(term)
    if (at < 0) continue
    const start = Math.max(0, at - SNIPPET_CHARS / 2)
    return `${start > 0 ? '…' : ''}${text.slice(start, start + SNIPPET_CHARS)}${start + SNIPPET_CHARS < text.length ? '…' : ''}`
  }
  return null
}

function cursorOf(startedAt: string, rowid: number): string {
  return Buffer.from(JSON.stringify([startedAt, rowid])).toString('base64url')
}

function readCursor(cursor: string): [string, number] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number')
      return [value[0], value[1]]
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('VALIDATION_FAILED', 'This page cursor is not one Framewise made.')
}
