import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/errors'
import type { Migration } from './migrations'
import { snapshotDatabase } from './snapshots'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  file: string
  backupsDir: string
  /** A better-sqlite3 build for another ABI (Electron), loaded without touching the Node build. */
  nativeBinding?: string
  /** Every migration of the store and the features, in order (see app/migrations.ts). */
  migrations: readonly Migration[]
}

const OWNER_ONLY = 0o600

export function openDatabase(options: OpenDatabaseOptions): Db {
  mkdirSync(dirname(options.file), { recursive: true })
  createOwnerOnly(options.file)
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    restrictToOwner(options.file)
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    migrate(db, options.migrations, options.backupsDir)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** An empty file is a valid empty database; creating it 0600 leaves no moment it is readable by others. */
function createOwnerOnly(file: string): void {
  if (process.platform === 'win32' || existsSync(file)) return
  closeSync(openSync(file, 'a', OWNER_ONLY))
}

/** The library holds prompts, transcripts and file names; SQLite gives -wal/-shm the database's mode. */
function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(f, OWNER_ONLY)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/** Runs pending migrations, each in its own transaction, after snapshotting a non-empty database. */
export function migrate(db: Db, migrations: readonly Migration[], backupsDir: string): void {
  const current = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new AppError(
      'STORE_FAILED',
      `This library was written by a newer Framewise (schema ${current}, this version knows ${latest}).`
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  if (current > 0) snapshotDatabase(db, backupsDir, `pre-v${pending[0]?.version ?? 0}`)
  for (const migration of pending) {
    // IMMEDIATE takes the write lock first and the version is read again under it, so two processes
    // opening an old library at once run each migration once.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}
