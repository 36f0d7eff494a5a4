/** A term shorter than a trigram, matched with LIKE (escaped) anywhere in an asset's search row. */
export interface LikeTerm {
  term: string
  pattern: string
}

/** How a user's search box text is run against the index (ADR 013). */
export type SearchPlan =
  | { mode: 'none' }
  /**
   * Terms of 3+ characters go through the trigram index; `tiers` are the same query restricted to
   * the name, then to name and metadata, then the rest, so the results come by field, each newest
   * first. Shorter terms in the same query filter the matches with LIKE.
   */
  | { mode: 'match'; match: string; tiers: readonly [string, string, string]; filters: LikeTerm[] }
  /** Only short terms: a scan of the search rows, newest first, stopping once a page is full. */
  | { mode: 'like'; filters: LikeTerm[] }

// Trigram FTS cannot index terms shorter than three characters (two-character Chinese words are
// common), so such terms fall back to LIKE over the same rows.
const MIN_TRIGRAM_CHARS = 3
const MAX_TERMS = 12

/** Control characters (NUL included) are removed; tabs and line breaks separate terms. */
export function cleanQuery(query: string | undefined): string {
  return (query ?? '').replace(/[\t\n\v\f\r]/g, ' ').replace(/\p{Cc}/gu, '')
}

export function planSearch(query: string | undefined): SearchPlan {
  const terms = cleanQuery(query).trim().split(/\s+/u).filter(Boolean).slice(0, MAX_TERMS)
  if (terms.length === 0) return { mode: 'none' }
  const long = terms.filter((term) => [...term].length >= MIN_TRIGRAM_CHARS)
  const filters = terms
    .filter((term) => [...term].length < MIN_TRIGRAM_CHARS)
    .map((term) => ({ term, pattern: `%${escapeLike(term)}%` }))
  if (long.length === 0) return { mode: 'like', filters }
  // Each term is one quoted FTS5 string, so user text is never read as query syntax.
  const q = long.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ')
  const tiers = [
    `{name} : (${q})`,
    `{name metadata} : (${q}) NOT {name} : (${q})`,
    `(${q}) NOT {name metadata} : (${q})`
  ] as const
  return { mode: 'match', match: q, tiers, filters }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}
