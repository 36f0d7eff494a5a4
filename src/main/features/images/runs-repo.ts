import type { ErrorCode } from '@shared/errors'
import type { ImageDetail, RowStatus, RunStatus, RunSummary } from '@shared/domain/extract'
import type { Db } from '../../store/database'
import { toResult, type StoredResult } from './results-repo'

export interface NewRun {
  id: string
  extractorId: string | null
  extractorName: string
  extractorVersion: string
  instructions: string
  schema: Record<string, unknown>
  model: string
  detail: ImageDetail
  providerId: string | null
  mode: 'direct' | 'batch'
  assetIds: string[]
}

export interface StoredRun extends Omit<NewRun, 'assetIds'> {
  status: RunStatus
  jobId: string | null
  batchId: string | null
  createdAt: string
  finishedAt: string | null
}

export interface StoredRow {
  assetId: string
  status: RowStatus
  result: StoredResult | null
  cached: boolean
  error: { code: ErrorCode; message: string } | null
  raw: string | null
  edits: Record<string, unknown>
}

interface RunRow {
  id: string
  extractor_id: string | null
  extractor_name: string
  extractor_version: string
  instructions: string
  schema_json: string
  model: string
  detail: ImageDetail
  provider_id: string | null
  mode: 'direct' | 'batch'
  status: RunStatus
  job_id: string | null
  batch_id: string | null
  created_at: string
  finished_at: string | null
}

const COUNTS = `SELECT count(*) AS total,
    sum(r.status = 'ok') AS ok, sum(r.status = 'failed') AS failed,
    sum(r.status = 'refused') AS refused, sum(r.status = 'pending') AS pending,
    coalesce(sum(CASE WHEN r.cached = 0 THEN x.cost_usd END), 0) AS cost
  FROM extract_rows r LEFT JOIN extraction_results x ON x.id = r.result_id WHERE r.run_id = ?`

/** Runs and their rows: one row per image, pointing at the answer it got. */
export class RunsRepo {
  constructor(private readonly db: Db) {}

  create(run: NewRun): void {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO extract_runs (id, extractor_id, extractor_name, extractor_version, instructions, schema_json,
             model, detail, provider_id, mode, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`
        )
        .run(
          run.id,
          run.extractorId,
          run.extractorName,
          run.extractorVersion,
          run.instructions,
          JSON.stringify(run.schema),
          run.model,
          run.detail,
          run.providerId,
          run.mode,
          now
        )
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO extract_rows (run_id, idx, asset_id, status) VALUES (?, ?, ?, 'pending')"
      )
      run.assetIds.forEach((assetId, idx) => insert.run(run.id, idx, assetId))
    })()
  }

  get(id: string): StoredRun | null {
    const row = this.db.prepare('SELECT * FROM extract_runs WHERE id = ?').get(id) as RunRow | undefined
    return row ? toRun(row) : null
  }

  list(limit: number): StoredRun[] {
    const rows = this.db
      .prepare('SELECT * FROM extract_runs ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as RunRow[]
    return rows.map(toRun)
  }

  counts(runId: string): { counts: RunSummary['counts']; costUsd: number } {
    const c = this.db.prepare(COUNTS).get(runId) as Record<string, number | null>
    const n = (k: string): number => Number(c[k] ?? 0)
    return {
      counts: {
        total: n('total'),
        ok: n('ok'),
        failed: n('failed'),
        refused: n('refused'),
        pending: n('pending')
      },
      costUsd: n('cost')
    }
  }

  rows(runId: string): StoredRow[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, x.id AS x_id, x.status AS x_status, x.fields_json, x.raw_text AS x_raw, x.input_tokens,
           x.cached_tokens, x.output_tokens, x.cost_usd, x.request_id, x.batch
         FROM extract_rows r LEFT JOIN extraction_results x ON x.id = r.result_id
         WHERE r.run_id = ? ORDER BY r.idx`
      )
      .all(runId) as Record<string, unknown>[]
    return rows.map(toStoredRow)
  }

  /** Rows still waiting for an answer; with a batch id, only the rows sent in that batch. */
  pendingAssetIds(runId: string, batchId?: string): string[] {
    const rows = (
      batchId
        ? this.db
            .prepare(
              "SELECT asset_id FROM extract_rows WHERE run_id = ? AND status = 'pending' AND batch_id = ? ORDER BY idx"
            )
            .all(runId, batchId)
        : this.db
            .prepare("SELECT asset_id FROM extract_rows WHERE run_id = ? AND status = 'pending' ORDER BY idx")
            .all(runId)
    ) as { asset_id: string }[]
    return rows.map((r) => r.asset_id)
  }

  /** Pending rows not yet sent in any batch. */
  unsentAssetIds(runId: string): string[] {
    const rows = this.db
      .prepare(
        "SELECT asset_id FROM extract_rows WHERE run_id = ? AND status = 'pending' AND batch_id IS NULL ORDER BY idx"
      )
      .all(runId) as { asset_id: string }[]
    return rows.map((r) => r.asset_id)
  }

  /** Records which batch carried these rows, so a restarted runner neither resends nor forgets them. */
  markSent(runId: string, assetIds: readonly string[], batchId: string): void {
    const mark = this.db.prepare('UPDATE extract_rows SET batch_id = ? WHERE run_id = ? AND asset_id = ?')
    this.db.transaction(() => {
      for (const id of assetIds) mark.run(batchId, runId, id)
    })()
  }

  setRow(
    runId: string,
    assetId: string,
    outcome: {
      status: Exclude<RowStatus, 'pending'>
      resultId?: string | null
      cached?: boolean
      error?: { code: ErrorCode; message: string } | null
      raw?: string | null
    }
  ): void {
    this.db
      .prepare(
        `UPDATE extract_rows SET status = ?, result_id = ?, cached = ?, error_code = ?, error_message = ?, raw_text = ?
         WHERE run_id = ? AND asset_id = ?`
      )
      .run(
        outcome.status,
        outcome.resultId ?? null,
        outcome.cached ? 1 : 0,
        outcome.error?.code ?? null,
        outcome.error?.message ?? null,
        outcome.raw ?? null,
        runId,
        assetId
      )
  }

  /** Failed (or all given) rows back to pending, for a retry; returns how many. */
  resetRows(runId: string, assetIds?: string[]): number {
    if (!assetIds)
      return this.db
        .prepare(
          "UPDATE extract_rows SET status = 'pending', batch_id = NULL WHERE run_id = ? AND status IN ('failed', 'refused')"
        )
        .run(runId).changes
    const reset = this.db.prepare(
      "UPDATE extract_rows SET status = 'pending', batch_id = NULL WHERE run_id = ? AND asset_id = ?"
    )
    return this.db.transaction(() => assetIds.reduce((n, id) => n + reset.run(runId, id).changes, 0))()
  }

  setEdits(runId: string, assetId: string, edits: Record<string, unknown>): boolean {
    return (
      this.db
        .prepare('UPDATE extract_rows SET edits_json = ? WHERE run_id = ? AND asset_id = ?')
        .run(JSON.stringify(edits), runId, assetId).changes > 0
    )
  }

  setStatus(runId: string, status: RunStatus): void {
    const finished = status === 'running' || status === 'waiting' ? null : new Date().toISOString()
    this.db
      .prepare('UPDATE extract_runs SET status = ?, finished_at = ? WHERE id = ?')
      .run(status, finished, runId)
  }

  setJob(runId: string, jobId: string): void {
    this.db.prepare('UPDATE extract_runs SET job_id = ? WHERE id = ?').run(jobId, runId)
  }

  setBatch(runId: string, batchId: string): void {
    this.db.prepare("UPDATE extract_runs SET batch_id = ?, mode = 'batch' WHERE id = ?").run(batchId, runId)
  }

  delete(runId: string): boolean {
    return this.db.prepare('DELETE FROM extract_runs WHERE id = ?').run(runId).changes > 0
  }
}

function toRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    extractorId: row.extractor_id,
    extractorName: row.extractor_name,
    extractorVersion: row.extractor_version,
    instructions: row.instructions,
    schema: JSON.parse(row.schema_json) as Record<string, unknown>,
    model: row.model,
    detail: row.detail,
    providerId: row.provider_id,
    mode: row.mode,
    status: row.status,
    jobId: row.job_id,
    batchId: row.batch_id,
    createdAt: row.created_at,
    finishedAt: row.finished_at
  }
}

function toStoredRow(row: Record<string, unknown>): StoredRow {
  const result =
    row.x_id === null || row.x_id === undefined
      ? null
      : toResult({
          id: row.x_id as string,
          status: row.x_status as 'ok' | 'refused',
          fields_json: row.fields_json as string | null,
          raw_text: row.x_raw as string | null,
          input_tokens: row.input_tokens as number,
          cached_tokens: row.cached_tokens as number,
          output_tokens: row.output_tokens as number,
          cost_usd: row.cost_usd as number,
          request_id: row.request_id as string | null,
          batch: row.batch as number
        })
  return {
    assetId: row.asset_id as string,
    status: row.status as RowStatus,
    result,
    cached: row.cached === 1,
    error: row.error_code
      ? { code: row.error_code as ErrorCode, message: String(row.error_message ?? '') }
      : null,
    raw: (row.raw_text as string | null) ?? null,
    edits: JSON.parse((row.edits_json as string) || '{}') as Record<string, unknown>
  }
}
