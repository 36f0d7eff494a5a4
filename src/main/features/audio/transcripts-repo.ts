import type { TranscriptWord } from '@shared/domain/audio'
import type { Transcript, TranscriptSegment } from '@shared/domain/video'
import type { Db } from '../../store/database'

/** What one piece of audio gave (times already in file time), and what it cost. */
export interface PieceResult {
  text: string
  language: string | null
  segments: TranscriptSegment[]
  words?: TranscriptWord[]
  costUsd?: number
  usage?: PieceUsage
  /** Nothing was sent: the piece is silence. */
  silent?: boolean
}

export interface PieceUsage {
  inputTokens: number
  outputTokens: number
  audioTokens: number
  audioSeconds: number
}

export interface PieceTotals {
  done: number
  costUsd: number
  usage: { requests: number; audioSeconds: number; inputTokens: number; outputTokens: number }
}

/** Options besides model and language that shape a transcript (part of its cache key). */
export interface TranscriptOptions {
  prompt?: string
  timestamps?: 'segment' | 'word'
}

export interface StoredTranscript extends Transcript {
  assetId: string
  status: 'partial' | 'complete'
  words: TranscriptWord[]
  options: TranscriptOptions
  piecesTotal: number
  costUsd: number
  updatedAt: string
}

interface Row {
  id: string
  asset_id: string
  model: string
  language: string | null
  status: 'partial' | 'complete'
  pieces_total: number
  text: string
  segments_json: string
  words_json: string
  options_json: string
  cost_usd: number
  duration_s: number | null
  updated_at: string
}

/** Transcripts, and each piece already paid for, so a failure resumes at the next piece. */
export class TranscriptsRepo {
  constructor(private readonly db: Db) {}

  findByKey(cacheKey: string): StoredTranscript | null {
    const row = this.db.prepare('SELECT * FROM transcripts WHERE cache_key = ?').get(cacheKey) as
      Row | undefined
    return row ? toTranscript(row) : null
  }

  get(id: string): StoredTranscript | null {
    const row = this.db.prepare('SELECT * FROM transcripts WHERE id = ?').get(id) as Row | undefined
    return row ? toTranscript(row) : null
  }

  /** The asset's most recently written transcript, finished or not. */
  latestForAsset(assetId: string): StoredTranscript | null {
    const row = this.db
      .prepare('SELECT * FROM transcripts WHERE asset_id = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1')
      .get(assetId) as Row | undefined
    return row ? toTranscript(row) : null
  }

  start(t: {
    id: string
    assetId: string
    cacheKey: string
    model: string
    language: string | null
    piecesTotal: number
    options?: TranscriptOptions
  }): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO transcripts (id, asset_id, cache_key, model, language, status, pieces_total, options_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'partial', ?, ?, ?, ?)
         ON CONFLICT(cache_key) DO UPDATE SET pieces_total = excluded.pieces_total, updated_at = excluded.updated_at`
      )
      .run(
        t.id,
        t.assetId,
        t.cacheKey,
        t.model,
        t.language,
        t.piecesTotal,
        JSON.stringify(t.options ?? {}),
        now,
        now
      )
  }

  pieces(transcriptId: string): Map<number, PieceResult & { startS: number; durationS: number }> {
    const rows = this.db
      .prepare('SELECT idx, start_s, duration_s, result_json FROM transcript_pieces WHERE transcript_id = ?')
      .all(transcriptId) as { idx: number; start_s: number; duration_s: number; result_json: string }[]
    return new Map(
      rows.map((r) => [
        r.idx,
        { ...(JSON.parse(r.result_json) as PieceResult), startS: r.start_s, durationS: r.duration_s }
      ])
    )
  }

  /** How many pieces are in, what they cost and used so far (silent pieces were never sent). */
  progress(transcriptId: string): PieceTotals {
    const rows = this.db
      .prepare('SELECT result_json FROM transcript_pieces WHERE transcript_id = ?')
      .all(transcriptId) as { result_json: string }[]
    const totals: PieceTotals = {
      done: rows.length,
      costUsd: 0,
      usage: { requests: 0, audioSeconds: 0, inputTokens: 0, outputTokens: 0 }
    }
    for (const row of rows) {
      const piece = JSON.parse(row.result_json) as PieceResult
      totals.costUsd += piece.costUsd ?? 0
      if (!piece.silent) totals.usage.requests += 1
      totals.usage.audioSeconds += piece.usage?.audioSeconds ?? 0
      totals.usage.inputTokens += piece.usage?.inputTokens ?? 0
      totals.usage.outputTokens += piece.usage?.outputTokens ?? 0
    }
    return totals
  }

  savePiece(transcriptId: string, idx: number, startS: number, durationS: number, result: PieceResult): void {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO transcript_pieces (transcript_id, idx, start_s, duration_s, result_json) VALUES (?, ?, ?, ?, ?)'
        )
        .run(transcriptId, idx, startS, durationS, JSON.stringify(result))
      this.db.prepare('UPDATE transcripts SET updated_at = ? WHERE id = ?').run(now, transcriptId)
    })()
  }

  complete(
    transcriptId: string,
    full: {
      text: string
      language: string | null
      segments: TranscriptSegment[]
      words?: TranscriptWord[]
      durationS: number | null
      costUsd?: number
    }
  ): void {
    this.db
      .prepare(
        `UPDATE transcripts SET status = 'complete', text = ?, language = ?, segments_json = ?, words_json = ?,
           duration_s = ?, cost_usd = ?, updated_at = ? WHERE id = ?`
      )
      .run(
        full.text,
        full.language,
        JSON.stringify(full.segments),
        JSON.stringify(full.words ?? []),
        full.durationS,
        full.costUsd ?? 0,
        new Date().toISOString(),
        transcriptId
      )
  }

  /** Forgets what the model said (pieces, text) so every piece is asked again; edits are kept. */
  reset(transcriptId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM transcript_pieces WHERE transcript_id = ?').run(transcriptId)
      this.db
        .prepare(
          `UPDATE transcripts SET status = 'partial', text = '', segments_json = '[]', words_json = '[]', cost_usd = 0,
             updated_at = ? WHERE id = ?`
        )
        .run(new Date().toISOString(), transcriptId)
    })()
  }

  /** The user's line edits (segment index → text) and speaker names, kept apart from the model's text. */
  edits(transcriptId: string): { texts: Record<string, string>; speakers: Record<string, string> } {
    const row = this.db
      .prepare('SELECT texts_json, speakers_json FROM transcript_edits WHERE transcript_id = ?')
      .get(transcriptId) as { texts_json: string; speakers_json: string } | undefined
    return {
      texts: row ? (JSON.parse(row.texts_json) as Record<string, string>) : {},
      speakers: row ? (JSON.parse(row.speakers_json) as Record<string, string>) : {}
    }
  }

  saveEdits(
    transcriptId: string,
    edits: { texts: Record<string, string>; speakers: Record<string, string> }
  ): void {
    this.db
      .prepare(
        `INSERT INTO transcript_edits (transcript_id, texts_json, speakers_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (transcript_id) DO UPDATE SET texts_json = excluded.texts_json,
           speakers_json = excluded.speakers_json, updated_at = excluded.updated_at`
      )
      .run(
        transcriptId,
        JSON.stringify(edits.texts),
        JSON.stringify(edits.speakers),
        new Date().toISOString()
      )
  }
}

function toTranscript(row: Row): StoredTranscript {
  return {
    id: row.id,
    assetId: row.asset_id,
    model: row.model,
    language: row.language,
    text: row.text,
    segments: JSON.parse(row.segments_json) as TranscriptSegment[],
    words: JSON.parse(row.words_json) as TranscriptWord[],
    options: JSON.parse(row.options_json) as TranscriptOptions,
    durationS: row.duration_s,
    status: row.status,
    piecesTotal: row.pieces_total,
    costUsd: row.cost_usd,
    updatedAt: row.updated_at
  }
}
