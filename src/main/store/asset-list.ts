import type { AssetKind, LibraryItem, SearchMatch } from '@shared/domain/asset'
import { ASSET_BLOBS, ASSET_COLUMNS, toAsset, type AssetRow } from './asset-row'
import type { Db } from './database'
import { decodeCursor, encodeCursor, type ListPosition } from './list-cursor'
import { planSearch, type LikeTerm, type SearchPlan } from './search-query'

export interface ListQuery {
  search?: string
  kind?: AssetKind
  limit: number
  offset?: number
  cursor?: string
}

export interface AssetPage {
  items: LibraryItem[]
  total: number
  totalIsLowerBound: boolean
  nextCursor: string | null
}

/** Counts that need a scan stop here; beyond it the list says "5,000+" (ADR 013). */
export const COUNT_CAP = 5000
const FIELDS = ['name', 'metadata', 'text'] as const
const SNIPPET_TOKENS = 24
// better-sqlite3 binds numbers as REAL, and FTS5 only seeks to an INTEGER rowid bound: without the
// cast it reads the index from the top and leaves the bound to SQLite (10× slower on late pages).
const ROWID_BELOW = 'AND f.rowid < CAST(@r AS INTEGER)'

type Params = Record<string, string | number>

interface Hit {
  row: AssetRow & { search_id?: number; row_id?: number }
  position: ListPosition
  match: SearchMatch | null
}

/** One way of listing: how to count it, read a page after a position, and find the item at an offset. */
interface Strategy {
  mode: ListPosition['m']
  count(): { total: number; lowerBound: boolean }
  page(after: ListPosition | null, limit: number): Hit[]
  /** The position of the item just before `offset`, or null when the list is not that long. */
  skip(offset: number): ListPosition | null
}

/** One page of the library, browsing or searching; a read transaction keeps count and page in step. */
export function listAssets(db: Db, query: ListQuery): AssetPage {
  return db.transaction(() => {
    const strategy = strategyFor(db, planSearch(query.search), query.kind)
    const { total, lowerBound } = strategy.count()
    let after: ListPosition | null = null
    if (query.cursor) after = decodeCursor(query.cursor, strategy.mode)
    else if (query.offset) after = strategy.skip(query.offset)
    const empty = !query.cursor && Boolean(query.offset) && after === null
    const hits = empty ? [] : strategy.page(after, query.limit + 1)
    const items = hits.slice(0, query.limit)
    const last = items.at(-1)
    return {
      items: items.map((hit) => ({ ...toAsset(hit.row), match: hit.match })),
      total,
      totalIsLowerBound: lowerBound,
      nextCursor: hits.length > query.limit && last ? encodeCursor(last.position) : null
    }
  })()
}

function strategyFor(db: Db, plan: SearchPlan, kind: AssetKind | undefined): Strategy {
  if (plan.mode === 'match') return matchStrategy(db, plan, kind)
  if (plan.mode === 'like') return likeStrategy(db, plan.filters, kind)
  return browseStrategy(db, kind)
}

function capped(db: Db, sql: string, params: Params): { total: number; lowerBound: boolean } {
  const { n } = db.prepare(`SELECT count(*) AS n FROM (${sql} LIMIT ${COUNT_CAP + 1})`).get(params) as {
    n: number
  }
  return n > COUNT_CAP ? { total: COUNT_CAP, lowerBound: true } : { total: n, lowerBound: false }
}

/** Newest first by (created_at, rowid) over the assets_created / assets_kind_created index. */
function browseStrategy(db: Db, kind: AssetKind | undefined): Strategy {
  const where = kind ? 'a.kind = @kind' : '1'
  const params: Params = kind ? { kind } : {}
  const order = 'ORDER BY a.created_at DESC, a.rowid DESC'
  return {
    mode: 'browse',
    count: () => ({
      total: (db.prepare(`SELECT count(*) AS n FROM assets a WHERE ${where}`).get(params) as { n: number }).n,
      lowerBound: false
    }),
    page(after, limit) {
      const keyset =
        after?.m === 'browse' ? 'AND a.created_at <= @c AND (a.created_at < @c OR a.rowid < @r)' : ''
      const bound = after?.m === 'browse' ? { c: after.c, r: after.r } : {}
      const rows = db
        .prepare(
          `SELECT a.rowid AS row_id, ${ASSET_COLUMNS} FROM assets a ${ASSET_BLOBS} WHERE ${where} ${keyset} ${order} LIMIT @limit`
        )
        .all({ ...params, ...bound, limit }) as Hit['row'][]
      return rows.map((row) => ({
        row,
        position: { m: 'browse', c: row.created_at, r: row.row_id ?? 0 },
        match: null
      }))
    },
    skip(offset) {
      const at = db
        .prepare(
          `SELECT a.created_at AS c, a.rowid AS r FROM assets a WHERE ${where} ${order} LIMIT 1 OFFSET @skip`
        )
        .get({ ...params, skip: offset - 1 }) as { c: string; r: number } | undefined
      return at ? { m: 'browse', ...at } : null
    }
  }
}

/** Conditions on the search row `r`: the kind, and every short term somewhere in the row. */
function rowFilters(
  filters: readonly LikeTerm[],
  kind: AssetKind | undefined
): { sql: string; params: Params } {
  const sql: string[] = []
  const params: Params = {}
  if (kind) {
    sql.push('AND r.kind = @kind')
    params.kind = kind
  }
  filters.forEach((filter, i) => {
    const like = (column: string) => `r.${column} LIKE @p${i} ESCAPE '\\'`
    sql.push(`AND (${like('name')} OR ${like('metadata')} OR ${like('text')})`)
    params[`p${i}`] = filter.pattern
  })
  return { sql: sql.join(' '), params }
}

type MatchPlan = Extract<SearchPlan, { mode: 'match' }>

interface MatchContext {
  db: Db
  plan: MatchPlan
  filter: { sql: string; params: Params }
}

const FROM_INDEX = 'FROM search_fts f JOIN search_rows r ON r.id = f.rowid'

/**
 * Trigram search: matches in the name first, then in name and metadata, then in the text, each
 * newest first by search row id, read from the index a page at a time whatever the match count.
 */
function matchStrategy(db: Db, plan: MatchPlan, kind: AssetKind | undefined): Strategy {
  const context: MatchContext = { db, plan, filter: rowFilters(plan.filters, kind) }
  const { filter } = context
  return {
    mode: 'match',
    count() {
      if (filter.sql === '') {
        const sql = 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?'
        return { total: (db.prepare(sql).get(plan.match) as { n: number }).n, lowerBound: false }
      }
      const sql = `SELECT 1 ${FROM_INDEX} WHERE search_fts MATCH @q ${filter.sql}`
      return capped(db, sql, { ...filter.params, q: plan.match })
    },
    page(after, limit) {
      const hits: Hit[] = []
      const from = after?.m === 'match' ? after.t : 0
      for (let tier = from; tier < FIELDS.length && hits.length < limit; tier += 1) {
        const below = after?.m === 'match' && after.t === tier ? after.r : null
        hits.push(...tierPage(context, tier, below, limit - hits.length))
      }
      return hits
    },
    skip(offset) {
      let left = offset
      for (let tier = 0; tier < FIELDS.length; tier += 1) {
        const size = tierSize(context, tier, left)
        if (size >= left) return { m: 'match', t: tier, r: tierRowAt(context, tier, left - 1) }
        left -= size
      }
      return null
    }
  }
}

function tierPage(
  { db, plan, filter }: MatchContext,
  tier: number,
  below: number | null,
  limit: number
): Hit[] {
  const rows = db
    .prepare(
      `SELECT f.rowid AS search_id, snippet(search_fts, ${tier}, char(2), '', '…', ${SNIPPET_TOKENS}) AS snippet,
         ${ASSET_COLUMNS} ${FROM_INDEX} JOIN assets a ON a.id = r.asset_id ${ASSET_BLOBS}
       WHERE search_fts MATCH @q ${filter.sql} ${below === null ? '' : ROWID_BELOW}
       ORDER BY f.rowid DESC LIMIT @limit`
    )
    .all({
      ...filter.params,
      ...(below === null ? {} : { r: below }),
      q: plan.tiers[tier] as string,
      limit
    }) as (Hit['row'] & {
    snippet: string
  })[]
  const field = FIELDS[tier] as SearchMatch['field']
  return rows.map((row) => ({
    row,
    position: { m: 'match', t: tier, r: row.search_id ?? 0 },
    match: { field, snippet: leadIn(row.snippet) }
  }))
}

/** How many rows the tier has, counting no further than `limit`. */
function tierSize({ db, plan, filter }: MatchContext, tier: number, limit: number): number {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 ${FROM_INDEX} WHERE search_fts MATCH @q ${filter.sql} LIMIT @limit)`
  return (db.prepare(sql).get({ ...filter.params, q: plan.tiers[tier] as string, limit }) as { n: number }).n
}

function tierRowAt({ db, plan, filter }: MatchContext, tier: number, index: number): number {
  const sql = `SELECT f.rowid AS r ${FROM_INDEX} WHERE search_fts MATCH @q ${filter.sql}
    ORDER BY f.rowid DESC LIMIT 1 OFFSET @index`
  return (db.prepare(sql).get({ ...filter.params, q: plan.tiers[tier] as string, index }) as { r: number }).r
}

/** Only short terms: a scan of the search rows, newest first, that stops once the page is full. */
function likeStrategy(db: Db, filters: readonly LikeTerm[], kind: AssetKind | undefined): Strategy {
  const filter = rowFilters(filters, kind)
  const first = filters[0] as LikeTerm
  const p0 = `@p0 ESCAPE '\\'`
  // The field the first term is in, and the text around it (a bounded window of a long text).
  const found = `CASE WHEN r.name LIKE ${p0} THEN 0 WHEN r.metadata LIKE ${p0} THEN 1 ELSE 2 END AS tier,
    CASE WHEN r.name LIKE ${p0} THEN r.name WHEN r.metadata LIKE ${p0} THEN r.metadata
      ELSE substr(r.text, max(1, instr(lower(r.text), lower(@t0)) - 40), 120) END AS hay`
  return {
    mode: 'like',
    count: () => capped(db, `SELECT 1 FROM search_rows r WHERE 1 ${filter.sql}`, filter.params),
    page(after, limit) {
      const bound = after?.m === 'like' ? { r: after.r } : null
      const rows = db
        .prepare(
          `SELECT r.id AS search_id, ${found}, ${ASSET_COLUMNS}
           FROM search_rows r JOIN assets a ON a.id = r.asset_id ${ASSET_BLOBS}
           WHERE 1 ${filter.sql} ${bound ? 'AND r.id < @r' : ''} ORDER BY r.id DESC LIMIT @limit`
        )
        .all({ ...filter.params, ...bound, t0: first.term, limit }) as (Hit['row'] & {
        tier: number
        hay: string
      })[]
      return rows.map((row) => ({
        row,
        position: { m: 'like', r: row.search_id ?? 0 },
        match: { field: FIELDS[row.tier] as SearchMatch['field'], snippet: excerpt(row.hay, first.term) }
      }))
    },
    skip(offset) {
      const at = db
        .prepare(
          `SELECT r.id AS r FROM search_rows r WHERE 1 ${filter.sql} ORDER BY r.id DESC LIMIT 1 OFFSET @skip`
        )
        .get({ ...filter.params, skip: offset - 1 }) as { r: number } | undefined
      return at ? { m: 'like', r: at.r } : null
    }
  }
}

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

// A card has room for about twenty characters: the match should be among the first of them.
const LEAD = 10

/** An FTS5 snippet (its first match marked with \u0002) cut to start a little before the match. */
function leadIn(snippet: string): string {
  const at = snippet.indexOf('\u0002')
  const text = snippet.split('\u0002').join('')
  return at > LEAD + 1 ? around(text, at, 0, LEAD, text.length) : tidy(text)
}

/** A short-term match: the text around the first occurrence of `term` (as LIKE finds it). */
function excerpt(text: string, term: string): string {
  return around(text, Math.max(0, text.toLowerCase().indexOf(term.toLowerCase())), term.length)
}

/** The text from `before` characters ahead of `at` to `after` past the match, with … where it goes on. */
function around(text: string, at: number, length: number, before = LEAD, after = 24): string {
  let start = Math.max(0, at - before)
  let end = Math.min(text.length, at + length + after)
  // Never cut a character that takes two UTF-16 units (emoji, rare CJK) in half.
  const unit = (i: number) => text.charCodeAt(i)
  if (unit(start) >= 0xdc00 && unit(start) <= 0xdfff) start -= 1
  if (unit(end - 1) >= 0xd800 && unit(end - 1) <= 0xdbff) end += 1
  return tidy(`${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`)
}
