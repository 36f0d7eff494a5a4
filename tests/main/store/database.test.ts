import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { openDatabase, schemaVersion } from '../../../src/main/store/database'
import type { Migration } from '../../../src/main/store/migrations'
import { listSnapshots, snapshotDatabase, snapshotIfDue } from '../../../src/main/store/snapshots'
import { tempDir } from '../../support/temp'

describe('openDatabase', () => {
  it('creates the schema with WAL, foreign keys and a trigram FTS table', () => {
    const dir = tempDir()
    const db = openDatabase({
      file: join(dir, 'library.db'),
      backupsDir: join(dir, 'backups'),
      migrations: MIGRATIONS
    })
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const fts = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'search_fts'`).get() as { sql: string }
    expect(fts.sql).toContain('trigram')
    db.close()
  })

  it('snapshots an existing library before migrating it, and keeps its rows', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    const backups = join(dir, 'backups')
    const db = openDatabase({ file, backupsDir: backups, migrations: MIGRATIONS })
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '"dark"', 'now')`).run()
    db.close()
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test',
      sql: 'CREATE TABLE extra (id INTEGER);'
    }
    const migrated = openDatabase({ file, backupsDir: backups, migrations: [...MIGRATIONS, next] })
    expect(schemaVersion(migrated)).toBe(next.version)
    expect(migrated.prepare('SELECT value_json FROM settings').get()).toEqual({ value_json: '"dark"' })
    migrated.close()
    const snapshots = readdirSync(backups)
    expect(snapshots).toHaveLength(1)
    const old = new Database(join(backups, snapshots[0] as string), { readonly: true })
    expect(old.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    old.close()
  })

  it('rolls a failing migration back and leaves the previous version intact', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS }).close()
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE ok1 (x); SELECT * FROM nope;'
    }
    expect(() =>
      openDatabase({ file, backupsDir: join(dir, 'b'), migrations: [...MIGRATIONS, broken] })
    ).toThrow()
    const db = new Database(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'ok1'`).get()).toBeUndefined()
    db.close()
  })

  it('refuses a library written by a newer version', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    const raw = new Database(file)
    raw.pragma('user_version = 999')
    raw.close()
    expect(() => openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS })).toThrow(
      /newer Framewise/
    )
  })
})

describe.skipIf(process.platform === 'win32')('library.db permissions', () => {
  const modeOf = (file: string) => statSync(file).mode & 0o777

  it('creates the database, its WAL and its shared-memory file readable by the owner only', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    const db = openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS })
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '"dark"', 'now')`).run()
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f)).toBe(true)
      expect(modeOf(f)).toBe(0o600)
    }
    expect(modeOf(snapshotDatabase(db, join(dir, 'b'), 'test'))).toBe(0o600)
    db.close()
  })

  it('tightens a library whose files were left readable by others', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS }).close()
    chmodSync(file, 0o644)
    const db = openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS })
    for (const f of [file, `${file}-wal`, `${file}-shm`].filter(existsSync)) expect(modeOf(f)).toBe(0o600)
    db.close()
  })
})

describe('snapshotIfDue', () => {
  it('takes a snapshot when none is recent and keeps only the newest few', () => {
    const dir = tempDir()
    const backups = join(dir, 'backups')
    const db = openDatabase({ file: join(dir, 'library.db'), backupsDir: backups, migrations: MIGRATIONS })
    expect(snapshotIfDue(db, backups, { intervalMs: 1000, keep: 2 })).not.toBeNull()
    expect(snapshotIfDue(db, backups, { intervalMs: 60_000, keep: 2 })).toBeNull()
    for (let i = 1; i <= 3; i += 1) {
      expect(
        snapshotIfDue(db, backups, { intervalMs: 1000, keep: 2, now: Date.now() + i * 60_000 })
      ).not.toBeNull()
    }
    expect(listSnapshots(backups)).toHaveLength(2)
    expect(listSnapshots(backups).every((s) => existsSync(s.file))).toBe(true)
    db.close()
  })
})
