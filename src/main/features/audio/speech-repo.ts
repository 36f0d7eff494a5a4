import type { SpeechFormat } from '@shared/domain/audio'
import type { Db } from '../../store/database'

export interface StoredSpeechPiece {
  index: number
  text: string
  /** The piece's audio in the file store once it arrived. */
  relPath: string | null
  durationS: number | null
  costUsd: number
}

export interface StoredSpeech {
  id: string
  text: string
  model: string
  voice: string
  instructions: string | null
  speed: number
  format: SpeechFormat
  providerId: string | null
  title: string
  status: 'running' | 'complete' | 'failed'
  assetId: string | null
  durationS: number | null
  jobId: string | null
  createdAt: string
  pieces: StoredSpeechPiece[]
}

interface Row {
  id: string
  text: string
  model: string
  voice: string
  instructions: string | null
  speed: number
  format: SpeechFormat
  provider_id: string | null
  title: string
  status: StoredSpeech['status']
  asset_id: string | null
  duration_s: number | null
  job_id: string | null
  created_at: string
}

/** Speech made from text, with each piece already paid for, so a resumed job asks only for the rest. */
export class SpeechRepo {
  constructor(private readonly db: Db) {}

  create(
    speech: Omit<StoredSpeech, 'status' | 'assetId' | 'durationS' | 'createdAt' | 'pieces'> & {
      pieces: string[]
    }
  ): void {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO speeches (id, text, model, voice, instructions, speed, format, provider_id, title, status, job_id,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`
        )
        .run(
          speech.id,
          speech.text,
          speech.model,
          speech.voice,
          speech.instructions,
          speech.speed,
          speech.format,
          speech.providerId,
          speech.title,
          speech.jobId,
          now,
          now
        )
      const piece = this.db.prepare('INSERT INTO speech_pieces (speech_id, idx, text) VALUES (?, ?, ?)')
      speech.pieces.forEach((text, idx) => piece.run(speech.id, idx, text))
    })()
  }

  get(id: string): StoredSpeech | null {
    const row = this.db.prepare('SELECT * FROM speeches WHERE id = ?').get(id) as Row | undefined
    return row ? this.toSpeech(row) : null
  }

  /** The speech an audio asset was made from. */
  forAsset(assetId: string): StoredSpeech | null {
    const row = this.db
      .prepare('SELECT * FROM speeches WHERE asset_id = ? ORDER BY created_at DESC LIMIT 1')
      .get(assetId) as Row | undefined
    return row ? this.toSpeech(row) : null
  }

  recent(limit: number): StoredSpeech[] {
    const rows = this.db
      .prepare('SELECT * FROM speeches ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as Row[]
    return rows.map((row) => this.toSpeech(row))
  }

  setJob(id: string, jobId: string): void {
    this.db
      .prepare('UPDATE speeches SET job_id = ?, updated_at = ? WHERE id = ?')
      .run(jobId, new Date().toISOString(), id)
  }

  setStatus(id: string, status: StoredSpeech['status']): void {
    this.db
      .prepare('UPDATE speeches SET status = ?, updated_at = ? WHERE id = ?')
      .run(status, new Date().toISOString(), id)
  }

  savePiece(
    id: string,
    index: number,
    piece: { relPath: string | null; durationS: number | null; costUsd: number }
  ): void {
    this.db
      .prepare(
        'UPDATE speech_pieces SET rel_path = ?, duration_s = ?, cost_usd = ? WHERE speech_id = ? AND idx = ?'
      )
      .run(piece.relPath, piece.durationS, piece.costUsd, id, index)
  }

  complete(id: string, assetId: string, durationS: number): void {
    this.db
      .prepare(
        `UPDATE speeches SET status = 'complete', asset_id = ?, duration_s = ?, updated_at = ? WHERE id = ?`
      )
      .run(assetId, durationS, new Date().toISOString(), id)
  }

  private toSpeech(row: Row): StoredSpeech {
    const pieces = this.db
      .prepare(
        'SELECT idx, text, rel_path, duration_s, cost_usd FROM speech_pieces WHERE speech_id = ? ORDER BY idx'
      )
      .all(row.id) as {
      idx: number
      text: string
      rel_path: string | null
      duration_s: number | null
      cost_usd: number
    }[]
    return {
      id: row.id,
      text: row.text,
      model: row.model,
      voice: row.voice,
      instructions: row.instructions,
      speed: row.speed,
      format: row.format,
      providerId: row.provider_id,
      title: row.title,
      status: row.status,
      assetId: row.asset_id,
      durationS: row.duration_s,
      jobId: row.job_id,
      createdAt: row.created_at,
      pieces: pieces.map((p) => ({
        index: p.idx,
        text: p.text,
        relPath: p.rel_path,
        durationS: p.duration_s,
        costUsd: p.cost_usd
      }))
    }
  }
}
