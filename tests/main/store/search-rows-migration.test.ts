import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { AssetsRepo } from '../../../src/main/store/assets-repo'
import { openDatabase } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp'

describe('migration 9: one search row per asset', () => {
  it('moves names, metadata and transcripts of a library written before it into search rows', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    const old = openDatabase({
      file,
      backupsDir: join(dir, 'b'),
      migrations: MIGRATIONS.filter((m) => m.version < 9)
    })
    // Rows as version 8 wrote them: one search document per (asset, source), text in search_fts.
    const assets = [
      ['a1', 'beach.mp4', 'video video/mp4 640x480 h264', null],
      ['a2', 'IMG_0001.jpg', 'image image/jpeg jpeg', null],
      ['a3', 'VID_0002.mp4', 'video video/mp4 hevc', 'we met at the harbour 会议']
    ] as const
    assets.forEach(([id, name, body, transcript], i) => {
      const at = `2026-01-0${i + 1}T00:00:00.000Z`
      old
        .prepare('INSERT INTO blobs (hash, rel_path, size_bytes, created_at) VALUES (?, ?, 1, ?)')
        .run(id, id, at)
      old
        .prepare(
          `INSERT INTO assets (id, kind, name, content_hash, mime, size_bytes, created_at, updated_at)
           VALUES (?, 'video', ?, ?, 'video/mp4', 1, ?, ?)`
        )
        .run(id, name, id, at, at)
      const doc = old.prepare(`INSERT INTO search_docs (asset_id, source) VALUES (?, 'asset')`).run(id)
      old
        .prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)')
        .run(doc.lastInsertRowid, name, body)
      if (!transcript) return
      const text = old.prepare(`INSERT INTO search_docs (asset_id, source) VALUES (?, 'transcript')`).run(id)
      old
        .prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)')
        .run(text.lastInsertRowid, name, transcript)
    })
    old.close()

    const db = openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS })
    const repo = new AssetsRepo(db)
    const names = (search: string) => repo.list({ search, limit: 10 }).items.map((item) => item.name)
    expect(names('beach')).toEqual(['beach.mp4'])
    expect(names('hevc')).toEqual(['VID_0002.mp4'])
    expect(names('harbour')).toEqual(['VID_0002.mp4'])
    expect(names('会议')).toEqual(['VID_0002.mp4'])
    expect(names('mp4')).toEqual(['VID_0002.mp4', 'beach.mp4'])
    // Newest first, as the assets were added.
    expect(names('video')).toEqual(['VID_0002.mp4', 'beach.mp4'])
    // A later transcript replaces the old one; deleting an asset takes its search row with it.
    repo.upsertSearchDoc('a3', 'transcript', 'VID_0002.mp4', 'nothing about boats')
    expect(names('harbour')).toEqual([])
    expect(names('boats')).toEqual(['VID_0002.mp4'])
    repo.delete(['a1'])
    expect(names('beach')).toEqual([])
    expect(db.prepare('SELECT count(*) AS n FROM search_rows').get()).toEqual({ n: 2 })
    // The index agrees with its content table (FTS5 throws SQLITE_CORRUPT_VTAB otherwise).
    expect(() =>
      db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`).run()
    ).not.toThrow()
    db.close()
  })
})
