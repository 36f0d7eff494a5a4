import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../../src/main/app/migrations'
import { TranscriptsRepo } from '../../../../src/main/features/audio/transcripts-repo'
import { openDatabase } from '../../../../src/main/store/database'
import { tempDir } from '../../../support/temp'

describe('migration 10: the Audio page', () => {
  it('keeps transcripts written before it, readable with their pieces, and ready for edits', () => {
    const dir = tempDir()
    const file = join(dir, 'library.db')
    const old = openDatabase({
      file,
      backupsDir: join(dir, 'b'),
      migrations: MIGRATIONS.filter((m) => m.version < 10)
    })
    const at = '2026-01-01T00:00:00.000Z'
    old.prepare(`INSERT INTO blobs (hash, rel_path, size_bytes, created_at) VALUES ('h', 'h', 1, ?)`).run(at)
    old
      .prepare(
        `INSERT INTO assets (id, kind, name, content_hash, mime, size_bytes, created_at, updated_at)
         VALUES ('a1', 'audio', 'talk.mp3', 'h', 'audio/mpeg', 1, ?, ?)`
      )
      .run(at, at)
    // As version 4's pipeline wrote them: text, segments and the pieces already paid for.
    old
      .prepare(
        `INSERT INTO transcripts (id, asset_id, cache_key, model, language, status, pieces_total, text, segments_json,
           duration_s, created_at, updated_at)
         VALUES ('t1', 'a1', 'k', 'whisper-1', 'english', 'complete', 1, 'Hello.', ?, 2, ?, ?)`
      )
      .run(JSON.stringify([{ start: 0, end: 2, text: 'Hello.' }]), at, at)
    old
      .prepare(
        `INSERT INTO transcript_pieces (transcript_id, idx, start_s, duration_s, result_json) VALUES ('t1', 0, 0, 2, ?)`
      )
      .run(
        JSON.stringify({
          text: 'Hello.',
          language: 'english',
          segments: [{ start: 0, end: 2, text: 'Hello.' }]
        })
      )
    old.close()

    const db = openDatabase({ file, backupsDir: join(dir, 'b'), migrations: MIGRATIONS })
    const repo = new TranscriptsRepo(db)
    expect(repo.latestForAsset('a1')).toMatchObject({
      id: 't1',
      status: 'complete',
      words: [],
      options: {},
      segments: [{ text: 'Hello.' }]
    })
    expect(repo.progress('t1')).toMatchObject({ done: 1, costUsd: 0, usage: { requests: 1 } })
    repo.saveEdits('t1', { texts: { '0': 'Hello!' }, speakers: {} })
    expect(repo.edits('t1').texts).toEqual({ '0': 'Hello!' })
    db.close()
  })
})
