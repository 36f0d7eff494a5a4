import type { ErrorInfo } from '@shared/errors'
import type { Db } from '../../store/database'

export interface AnalysisRow {
  id: string
  assetId: string
  kind: string
  cacheKey: string
  options: unknown
  model: string
  providerId: string | null
  status: 'running' | 'complete' | 'failed'
  result: unknown
  rawText: string | null
  frameSetId: string | null
  transcriptId: string | null
  jobId: string | null
  error: { code: string; message: string } | null
  updatedAt: string
}

interface Raw {
  id: string
  asset_id: string
  kind: string
  cache_key: string
  options_json: string
  model: string
  provider_id: string | null
  status: AnalysisRow['status']
  result_json: string | null
  raw_text: string | null
  frame_set_id: string | null
  transcript_id: string | null
  job_id: string | null
  error_json: string | null
  updated_at: string
}

/** Analysis results keyed by content + options + model; parts hold finished map-reduce windows. */
export class AnalysesRepo {
  constructor(private readonly db: Db) {}

  byKey(cacheKey: string): AnalysisRow | null {
    const raw = this.db.prepare('SELECT * FROM analyses WHERE cache_key = ?').get(cacheKey) as Raw | undefined
    return raw ? toRow(raw) : null
  }

  latest(assetId: string, kind: string): AnalysisRow | null {
    const raw = this.db
      .prepare('SELECT * FROM analyses WHERE asset_id = ? AND kind = ? ORDER BY updated_at DESC LIMIT 1')
      .get(assetId, kind) as Raw | undefined
    return raw ? toRow(raw) : null
  }

  begin(
    a: Pick<
      AnalysisRow,
      'id' | 'assetId' | 'kind' | 'cacheKey' | 'options' | 'model' | 'providerId' | 'jobId'
    >
  ): AnalysisRow {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO analyses (id, asset_id, kind, cache_key, options_json, model, provider_id, status, job_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)
         ON CONFLICT(cache_key) DO UPDATE SET status = 'running', job_id = excluded.job_id, error_json = NULL, updated_at = excluded.updated_at`
      )
      .run(
        a.id,
        a.assetId,
        a.kind,
        a.cacheKey,
        JSON.stringify(a.options),
        a.model,
        a.providerId,
        a.jobId,
        now,
        now
      )
    return this.byKey(a.cacheKey) as AnalysisRow
  }

  link(id: string, links: { frameSetId?: string; transcriptId?: string | null }): void {
    if (links.frameSetId)
      this.db.prepare('UPDATE analyses SET frame_set_id = ? WHERE id = ?').run(links.frameSetId, id)
    if (links.transcriptId !== undefined)
      this.db.prepare('UPDATE analyses SET transcript_id = ? WHERE id = ?').run(links.transcriptId, id)
  }

  parts(id: string): Map<number, unknown> {
    const rows = this.db
      .prepare('SELECT idx, result_json FROM analysis_parts WHERE analysis_id = ?')
      .all(id) as { idx: number; result_json: string }[]
    return new Map(rows.map((r) => [r.idx, JSON.parse(r.result_json) as unknown]))
  }

  clearParts(id: string): void {
    this.db.prepare('DELETE FROM analysis_parts WHERE analysis_id = ?').run(id)
  }

  savePart(id: string, idx: number, result: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO analysis_parts (analysis_id, idx, result_json) VALUES (?, ?, ?)')
      .run(id, idx, JSON.stringify(result))
  }

  complete(id: string, result: unknown, rawText: string | null): void {
    this.db
      .prepare(
        `UPDATE analyses SET status = 'complete', result_json = ?, raw_text = ?, error_json = NULL, updated_at = ? WHERE id = ?`
      )
      .run(JSON.stringify(result), rawText, new Date().toISOString(), id)
  }

  fail(id: string, error: ErrorInfo, rawText: string | null): void {
    this.db
      .prepare(
        `UPDATE analyses SET status = 'failed', error_json = ?, raw_text = COALESCE(?, raw_text), updated_at = ? WHERE id = ?`
      )
      .run(
        JSON.stringify({ code: error.code, message: error.message }),
        rawText,
        new Date().toISOString(),
        id
      )
  }
}

function toRow(raw: Raw): AnalysisRow {
  return {
    id: raw.id,
    assetId: raw.asset_id,
    kind: raw.kind,
    cacheKey: raw.cache_key,
    options: JSON.parse(raw.options_json) as unknown,
    model: raw.model,
    providerId: raw.provider_id,
    status: raw.status,
    result: raw.result_json ? (JSON.parse(raw.result_json) as unknown) : null,
    rawText: raw.raw_text,
    frameSetId: raw.frame_set_id,
    transcriptId: raw.transcript_id,
    jobId: raw.job_id,
    error: raw.error_json ? (JSON.parse(raw.error_json) as AnalysisRow['error']) : null,
    updatedAt: raw.updated_at
  }
}
