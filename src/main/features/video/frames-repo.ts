import type { Frame, FrameSet } from '@shared/domain/frames'
import type { Db } from '../../store/database'

interface SetRow {
  id: string
  asset_id: string
  options_key: string
  strategy: string
  strategy_reason: string
  duration_s: number
  elapsed_ms: number
  created_at: string
}

export interface NewFrame extends Omit<Frame, 'path' | 'thumbPath'> {
  blobHash: string
  thumbHash: string
  phash: string
}

export class FramesRepo {
  constructor(private readonly db: Db) {}

  find(assetId: string, optionsKey: string): FrameSet | null {
    const row = this.db
      .prepare('SELECT * FROM frame_sets WHERE asset_id = ? AND options_key = ?')
      .get(assetId, optionsKey) as SetRow | undefined
    return row ? this.toSet(row) : null
  }

  latestFor(assetId: string): FrameSet | null {
    const row = this.db
      .prepare('SELECT * FROM frame_sets WHERE asset_id = ? ORDER BY created_at DESC LIMIT 1')
      .get(assetId) as SetRow | undefined
    return row ? this.toSet(row) : null
  }

  /** Replaces any earlier set for the same options; call inside a transaction with the blob rows. */
  insert(set: Omit<FrameSet, 'frames' | 'maxFrames'> & { optionsKey: string }, frames: NewFrame[]): void {
    const old = this.db
      .prepare('SELECT id FROM frame_sets WHERE asset_id = ? AND options_key = ?')
      .get(set.assetId, set.optionsKey) as { id: string } | undefined
    if (old) {
      // The old set's files lose their references here; garbage collection removes them.
      this.db
        .prepare('DELETE FROM blob_refs WHERE asset_id = ? AND role IN (?, ?)')
        .run(set.assetId, `frame:${old.id}`, `frame-thumb:${old.id}`)
      this.db.prepare('DELETE FROM frame_sets WHERE id = ?').run(old.id)
    }
    this.db
      .prepare(
        `INSERT INTO frame_sets (id, asset_id, options_key, strategy, strategy_reason, duration_s, elapsed_ms, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        set.id,
        set.assetId,
        set.optionsKey,
        set.strategy,
        set.strategyReason,
        set.durationS,
        set.elapsedMs,
        set.createdAt
      )
    const insertFrame = this.db.prepare(
      `INSERT INTO frames (set_id, idx, t, blob_hash, thumb_hash, width, height, phash, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const ref = this.db.prepare('INSERT OR IGNORE INTO blob_refs (hash, asset_id, role) VALUES (?, ?, ?)')
    frames.forEach((f, idx) => {
      insertFrame.run(set.id, idx, f.t, f.blobHash, f.thumbHash, f.width, f.height, f.phash, f.reason)
      ref.run(f.blobHash, set.assetId, `frame:${set.id}`)
      ref.run(f.thumbHash, set.assetId, `frame-thumb:${set.id}`)
    })
  }

  private toSet(row: SetRow): FrameSet {
    const frames = this.db
      .prepare(
        `SELECT f.t, f.width, f.height, f.reason, b.rel_path AS path, tb.rel_path AS thumbPath
         FROM frames f JOIN blobs b ON b.hash = f.blob_hash JOIN blobs tb ON tb.hash = f.thumb_hash
         WHERE f.set_id = ? ORDER BY f.idx`
      )
      .all(row.id) as Frame[]
    const maxFrames = Number(JSON.parse(row.options_key).maxFrames ?? frames.length)
    return {
      id: row.id,
      assetId: row.asset_id,
      strategy: row.strategy,
      strategyReason: row.strategy_reason,
      durationS: row.duration_s,
      elapsedMs: row.elapsed_ms,
      maxFrames,
      frames,
      createdAt: row.created_at
    }
  }
}
