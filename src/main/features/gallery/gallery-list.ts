import { GalleryQuery } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import type { Db } from '../../store/database'
import { planSearch } from '../../store/search-query'

/** One generated image per row: its asset and the run that made it (the newest, for twice-made bytes). */
export interface ListedImage {
  assetId: string
  runId: string
  createdAt: string
  rowid: number
}

/**
 * Generated images newest first, filtered by model, dates and favourites, and searched by prompt and
 * revised prompt through the library's trigram index (ADR 013: short terms, CJK included, by LIKE).
 * Pages by keyset cursor over (created_at, rowid), so the last page costs what the first does.
 */
export function listGenerated(
  db: Db,
  input: GalleryQuery
): { rows: ListedImage[]; nextCursor: string | null } {
  const q = GalleryQuery.parse(input)
  const where: string[] = [
    // The newest generation of each asset only.
    `g.rowid = (SELECT g2.rowid FROM generated_images g2 WHERE g2.asset_id = g.asset_id
                ORDER BY g2.created_at DESC, g2.rowid DESC LIMIT 1)`
  ]
  const args: unknown[] = []
  if (q.model) {
    where.push('r.model = ?')
    args.push(q.model)
  }
  if (q.from) {
    where.push('g.created_at >= ?')
    args.push(dayStart(q.from))
  }
  if (q.to) {
    where.push('g.created_at < ?')
    args.push(dayAfter(q.to))
  }
  if (q.favourites) where.push('EXISTS (SELECT 1 FROM image_favourites f WHERE f.asset_id = g.asset_id)')
  const plan = planSearch(q.search)
  if (plan.mode === 'match') {
    where.push(
      's.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)',
      ...plan.filters.map(() => likeClause)
    )
    args.push(plan.match, ...plan.filters.map((f) => f.pattern))
  } else if (plan.mode === 'like') {
    where.push(...plan.filters.map(() => likeClause))
    args.push(...plan.filters.map((f) => f.pattern))
  }
  if (q.cursor) {
    const { createdAt, rowid } = readCursor(q.cursor)
    where.push('(g.created_at < ? OR (g.created_at = ? AND g.rowid < ?))')
    args.push(createdAt, createdAt, rowid)
  }
  const rows = db
    .prepare(
      `SELECT g.asset_id AS assetId, g.run_id AS runId, g.created_at AS createdAt, g.rowid AS rowid
       FROM generated_images g
       JOIN image_runs r ON r.id = g.run_id
       JOIN search_rows s ON s.asset_id = g.asset_id
       WHERE ${where.join(' AND ')}
       ORDER BY g.created_at DESC, g.rowid DESC LIMIT ?`
    )
    .all(...args, q.limit + 1) as ListedImage[]
  const page = rows.slice(0, q.limit)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: rows.length > q.limit && last ? cursorOf(last) : null }
}

const likeClause = `(s.name || char(10) || s.text) LIKE ? ESCAPE '\\'`

function cursorOf(row: ListedImage): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.rowid])).toString('base64url')
}

function readCursor(cursor: string): { createdAt: string; rowid: number } {
  try {
    const [createdAt, rowid] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number]
    if (typeof createdAt === 'string' && Number.isInteger(rowid)) return { createdAt, rowid }
  } catch {
    // Reported below.
  }
  throw new AppError('VALIDATION_FAILED', 'This page cursor is not one the gallery gave out.')
}

function dayStart(date: string): string {
  const time = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date)
  if (!Number.isFinite(time)) throw new AppError('VALIDATION_FAILED', `“${date}” is not a date (YYYY-MM-DD).`)
  return new Date(time).toISOString()
}

function dayAfter(date: string): string {
  const start = Date.parse(dayStart(date))
  return new Date(date.length === 10 ? start + 86_400_000 : start + 1).toISOString()
}
