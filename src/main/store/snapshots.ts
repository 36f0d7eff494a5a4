import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'

const SNAPSHOT_PREFIX = 'library-'

/** A consistent copy of the live database (VACUUM INTO works while WAL readers and writers run). */
export function snapshotDatabase(db: Database.Database, backupsDir: string, label: string): string {
  mkdirSync(backupsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const unique = Math.random().toString(36).slice(2, 6)
  const file = join(backupsDir, `${SNAPSHOT_PREFIX}${stamp}-${label}-${unique}.db`)
  db.prepare('VACUUM INTO ?').run(file)
  // A snapshot is the whole library: as private as library.db itself.
  if (process.platform !== 'win32') chmodSync(file, 0o600)
  return file
}

export function listSnapshots(backupsDir: string): { file: string; mtimeMs: number }[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir)
  } catch {
    return []
  }
  return names
    .filter((name) => name.startsWith(SNAPSHOT_PREFIX) && name.endsWith('.db'))
    .map((name) => {
      const file = join(backupsDir, name)
      return { file, mtimeMs: statSync(file).mtimeMs }
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
}

/** Takes a periodic snapshot when the newest is older than the interval, and keeps the newest few. */
export function snapshotIfDue(
  db: Database.Database,
  backupsDir: string,
  options: { intervalMs: number; keep: number; now?: number }
): string | null {
  const now = options.now ?? Date.now()
  const newest = listSnapshots(backupsDir)[0]
  const due = !newest || now - newest.mtimeMs >= options.intervalMs
  const created = due ? snapshotDatabase(db, backupsDir, 'periodic') : null
  for (const old of listSnapshots(backupsDir).slice(options.keep)) rmSync(old.file, { force: true })
  return created
}
