import { initialSchema } from './001-initial'
import { framesSchema } from './002-frames'
import { aiSchema } from './003-ai'
import { analysesSchema } from './004-analyses'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** Append only: a released migration is never edited, a new number is added instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'frames', sql: framesSchema },
  { version: 3, name: 'ai', sql: aiSchema },
  { version: 4, name: 'analyses', sql: analysesSchema }
]
