import { initialSchema } from './001-initial'
import { searchRowsSchema } from './009-search-rows'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** The foundation every feature builds on: blobs, assets, search, jobs, settings. */
export const STORE_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  // Garbage collection asks "does anything still use this blob?" one blob at a time.
  {
    version: 7,
    name: 'blob-lookups',
    sql: `CREATE INDEX IF NOT EXISTS assets_thumb_hash ON assets(thumb_hash);`
  },
  { version: 9, name: 'search-rows', sql: searchRowsSchema },
  // Why a file could not be decoded (damaged, or not what its name says), shown once, plainly.
  { version: 11, name: 'asset-problem', sql: 'ALTER TABLE assets ADD COLUMN problem_json TEXT;' }
]

/**
 * Features bring their own migrations; the numbers are global and append only (a released migration
 * is never edited, a new number is added instead). Sorted here, and a number used twice is a bug.
 */
export function orderMigrations(...lists: ReadonlyArray<readonly Migration[]>): Migration[] {
  const all = lists.flat().sort((a, b) => a.version - b.version)
  all.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration numbers must run 1..n without gaps; found ${m.version} at ${i + 1}.`)
  })
  return all
}
