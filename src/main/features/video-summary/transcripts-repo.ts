import type { Transcript, TranscriptSegment } from '@shared/domain/video'
import type { Db } from '../../store/database'

export interface PieceResult {
  text: string
  language: string | null
  segments: TranscriptSegment[]
}

interface Row {
  id: string
  model: string
  language: string | null
  status: 'partial' | 'complete'
  pieces_total: number
  text: string
  segments_json: string
  duration_s: number | null
}

/** Transcripts, and each piece already paid for, so a failure resumes at the next piece. */
export class TranscriptsRepo {
  constructor(private readonly db: Db) {}

  findByKey(cacheKey: string): (Transcript & { status: Row['status'] }) | null {
    const row = this.db.prepare('SELECT * FROM transcripts WHERE cache_key = ?').get(cacheKey) as
      Row | undefined
    return row ? toTranscript(row) : null
  }

  get(id: string): Transcript | null {
    const row = this.db.prepare('SELECT * FROM transcripts WHERE id = ?').get(id) as Row | undefined
    return row ? toTranscript(row) : null
  }

  start(t: {
    id: string
    assetId: string
    cacheKey: string
    model: string
    language: string | null
    piecesTotal: number
  }): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO transcripts (id, asset_id, cache_key, model, language, status, pieces_total, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'partial', ?, ?, ?) ON CONFLICT(cache_key) DO UPDATE SET pieces_total = excluded.pieces_total`
      )
      .run(t.id, t.assetId, t.cacheKey, t.model, t.language, t.piecesTotal, now, now)
  }

  pieces(transcriptId: string): Map<number, PieceResult & { startS: number }> {
    const rows = this.db
      .prepare('SELECT idx, start_s, result_json FROM transcript_pieces WHERE transcript_id = ?')
      .all(transcriptId) as {
      idx: number
      start_s: number
      result_json: string
    }[]
    return new Map(
      rows.map((r) => [r.idx, { ...(JSON.parse(r.result_json) as PieceResult), startS: r.start_s }])
    )
  }

  savePiece(transcriptId: string, idx: number, startS: number, durationS: number, result: PieceResult): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO transcript_pieces (transcript_id, idx, start_s, duration_s, result_json) VALUES (?, ?, ?, ?, ?)'
      )
      .run(transcriptId, idx, startS, durationS, JSON.stringify(result))
  }

  complete(
    transcriptId: string,
    full: { text: string; language: string | null; segments: TranscriptSegment[]; durationS: number | null }
  ): void {
    this.db
      .prepare(
        `UPDATE transcripts SET status = 'complete', text = ?, language = ?, segments_json = ?, duration_s = ?, updated_at = ? WHERE id = ?`
      )
      .run(
        full.text,
        full.language,
        JSON.stringify(full.segments),
        full.durationS,
        new Date().toISOString(),
        transcriptId
      )
  }
}

function toTranscript(row: Row): Transcript & { status: Row['status'] } {
  return {
    id: row.id,
    model: row.model,
    language: row.language,
    text: row.text,
    segments: JSON.parse(row.segments_json) as TranscriptSegment[],
    durationS: row.duration_s,
    status: row.status
  }
}
