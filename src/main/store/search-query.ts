/** How a user's search box text is run against the trigram index. */
export type SearchPlan =
  { mode: 'none' } | { mode: 'match'; match: string } | { mode: 'like'; patterns: string[] }

// Trigram FTS cannot index terms shorter than three characters (two-character Chinese words are
// common), so such queries fall back to a bounded LIKE scan over the same rows.
const MIN_TRIGRAM_CHARS = 3

export function planSearch(query: string | undefined): SearchPlan {
  const terms = (query ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 12)
  if (terms.length === 0) return { mode: 'none' }
  if (terms.some((term) => [...term].length < MIN_TRIGRAM_CHARS)) {
    return { mode: 'like', patterns: terms.map((term) => `%${escapeLike(term)}%`) }
  }
  return { mode: 'match', match: terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ') }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** SQL that selects matching asset ids, with its parameters. */
export function searchSubquery(plan: SearchPlan, scanLimit = 5000): { sql: string; params: string[] } | null {
  if (plan.mode === 'none') return null
  if (plan.mode === 'match') {
    return {
      sql: `SELECT d.asset_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ?`,
      params: [plan.match]
    }
  }
  const clause = plan.patterns.map(() => `(f.title LIKE ? ESCAPE '\\' OR f.body LIKE ? ESCAPE '\\')`)
  return {
    sql: `SELECT d.asset_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid
          WHERE ${clause.join(' AND ')} LIMIT ${scanLimit}`,
    params: plan.patterns.flatMap((p) => [p, p])
  }
}
