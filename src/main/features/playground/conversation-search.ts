import type { Db } from '../../store/database'
import { planSearch } from '../../store/search-query'
import type { ConversationRow } from './message-row'

const SNIPPET_CHARS = 60

/**
 * Conversations whose title or any message matches every term, most recently used first. Terms of
 * 3+ characters go through the trigram index over message text; shorter ones (two-character Chinese
 * words are common) filter with LIKE, as the library's search does (ADR 013).
 */
export function searchConversations(db: Db, query: string, limit: number): ConversationRow[] {
  const plan = planSearch(query)
  if (plan.mode === 'none') return []
  const terms = plan.mode === 'match' ? plan.match : null
  const likes = plan.filters.map((f) => f.pattern)
  // A message matches when the index has its long terms and LIKE finds its short ones.
  const messageWhere = [
    ...(terms
      ? ['m.n IN (SELECT rowid FROM playground_message_fts WHERE playground_message_fts MATCH @terms)']
      : []),
    ...likes.map((_, i) => `m.text LIKE @like${i} ESCAPE '\\'`)
  ].join(' AND ')
  const titleWhere = titleClause(plan.mode === 'match' ? longTerms(query) : [], likes.length)
  const params: Record<string, unknown> = { limit }
  if (terms) params.terms = terms
  likes.forEach((pattern, i) => (params[`like${i}`] = pattern))
  longTerms(query).forEach((term, i) => (params[`title${i}`] = `%${escapeLike(term)}%`))
  const rows = db
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM playground_messages x WHERE x.conversation_id = c.id) AS message_count,
         (SELECT m.text FROM playground_messages m WHERE m.conversation_id = c.id AND ${messageWhere}
          ORDER BY m.seq DESC LIMIT 1) AS snippet
       FROM playground_conversations c
       WHERE (${titleWhere})
          OR EXISTS (SELECT 1 FROM playground_messages m WHERE m.conversation_id = c.id AND ${messageWhere})
       ORDER BY c.pinned DESC, c.updated_at DESC, c.rowid DESC LIMIT @limit`
    )
    .all(params) as ConversationRow[]
  const first = [...longTerms(query), ...plan.filters.map((f) => f.term)][0] ?? ''
  return rows.map((row) => ({ ...row, snippet: row.snippet ? around(row.snippet, first) : null }))
}

function longTerms(query: string): string[] {
  return query
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((t) => [...t].length >= 3)
    .slice(0, 12)
}

function titleClause(long: string[], shortCount: number): string {
  const clauses = [
    ...long.map((_, i) => `c.title LIKE @title${i} ESCAPE '\\'`),
    ...Array.from({ length: shortCount }, (_, i) => `c.title LIKE @like${i} ESCAPE '\\'`)
  ]
  return clauses.length > 0 ? clauses.join(' AND ') : '0'
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** A short window of the message around the first term, so the list shows why it matched. */
function around(text: string, term: string): string {
  const at = term ? text.toLowerCase().indexOf(term.toLowerCase()) : -1
  const start = Math.max(0, at - SNIPPET_CHARS / 2)
  const piece = text.slice(start, start + SNIPPET_CHARS).replace(/\s+/g, ' ')
  return `${start > 0 ? '…' : ''}${piece}${start + SNIPPET_CHARS < text.length ? '…' : ''}`
}
