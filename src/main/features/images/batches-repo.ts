import { randomUUID } from 'node:crypto'
import { BatchState, type BatchView } from '@shared/domain/extract'
import type { Db } from '../../store/database'

interface Row {
  id: string
  remote_id: string
  run_id: string | null
  provider_id: string
  model: string
  endpoint: string
  state: string
  requests: number
  counts_json: string
  input_file_id: string | null
  output_file_id: string | null
  error_file_id: string | null
  imported: number
  cost_usd: number
  direct_cost_usd: number
  error: string | null
  created_at: string
  finished_at: string | null
  last_polled_at: string | null
  job_state: string | null
}

/** Each batch with the state of the job that follows it. */
const SELECT_BATCH = 'SELECT b.*, j.state AS job_state FROM batches b LEFT JOIN jobs j ON j.id = b.job_id'
const FOLLOWING = new Set(['queued', 'running', 'waiting'])

export interface NewBatch {
  remoteId: string
  runId: string | null
  providerId: string
  model: string
  endpoint: string
  state: string
  requests: number
  inputFileId: string | null
}

export interface PolledBatch {
  state: string
  counts: BatchView['requestCounts']
  outputFileId: string | null
  errorFileId: string | null
  error: string | null
  finished: boolean
}

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled'])
export const isTerminal = (state: string): boolean => TERMINAL.has(state)

/** Every batch sent, its last known state, and whether its results were imported (once). */
export class BatchesRepo {
  constructor(private readonly db: Db) {}

  insert(batch: NewBatch): string {
    const id = randomUUID()
    this.db
      .prepare(
        `INSERT INTO batches (id, remote_id, run_id, provider_id, model, endpoint, state, requests, input_file_id,
           counts_json, created_at)
         VALUES (@id, @remoteId, @runId, @providerId, @model, @endpoint, @state, @requests, @inputFileId, @counts, @now)`
      )
      .run({
        id,
        ...batch,
        counts: JSON.stringify({ total: batch.requests, completed: 0, failed: 0 }),
        now: new Date().toISOString()
      })
    return id
  }

  get(id: string): BatchView | null {
    const row = this.db.prepare(`${SELECT_BATCH} WHERE b.id = ? OR b.remote_id = ?`).get(id, id) as
      Row | undefined
    return row ? toView(row) : null
  }

  list(limit: number): BatchView[] {
    const rows = this.db
      .prepare(`${SELECT_BATCH} ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?`)
      .all(limit) as Row[]
    return rows.map(toView)
  }

  /** A run's batches, oldest first (a large run is split over several). */
  forRun(runId: string): BatchView[] {
    const rows = this.db
      .prepare(`${SELECT_BATCH} WHERE b.run_id = ? ORDER BY b.created_at, b.rowid`)
      .all(runId) as Row[]
    return rows.map(toView)
  }

  polled(id: string, polled: PolledBatch): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `UPDATE batches SET state = @state, counts_json = @counts, output_file_id = @outputFileId,
           error_file_id = @errorFileId, error = @error, last_polled_at = @now,
           finished_at = CASE WHEN @finished = 1 THEN coalesce(finished_at, @now) ELSE NULL END
         WHERE id = @id`
      )
      .run({
        id,
        state: polled.state,
        counts: JSON.stringify(polled.counts),
        outputFileId: polled.outputFileId,
        errorFileId: polled.errorFileId,
        error: polled.error,
        finished: polled.finished ? 1 : 0,
        now
      })
  }

  /** Marks the results imported; false when another process already did (import exactly once). */
  markImported(id: string, costs: { costUsd: number; directCostUsd: number }): boolean {
    return (
      this.db
        .prepare(
          'UPDATE batches SET imported = 1, cost_usd = ?, direct_cost_usd = ? WHERE id = ? AND imported = 0'
        )
        .run(costs.costUsd, costs.directCostUsd, id).changes > 0
    )
  }

  /** The state the provider answered with (e.g. `cancelling` right after a cancel). */
  setState(id: string, state: string): void {
    this.db.prepare('UPDATE batches SET state = ? WHERE id = ?').run(state, id)
  }

  setJob(id: string, jobId: string): void {
    this.db.prepare('UPDATE batches SET job_id = ? WHERE id = ?').run(jobId, id)
  }

  jobOf(id: string): string | null {
    const row = this.db.prepare('SELECT job_id FROM batches WHERE id = ?').get(id) as
      { job_id: string | null } | undefined
    return row?.job_id ?? null
  }
}

function toView(row: Row): BatchView {
  const state = BatchState.safeParse(row.state)
  return {
    id: row.id,
    remoteId: row.remote_id,
    runId: row.run_id,
    providerId: row.provider_id,
    model: row.model,
    endpoint: row.endpoint,
    state: state.success ? state.data : 'failed',
    requestCounts: JSON.parse(row.counts_json) as BatchView['requestCounts'],
    requests: row.requests,
    imported: row.imported === 1,
    costUsd: row.cost_usd,
    directCostUsd: row.direct_cost_usd,
    inputFileId: row.input_file_id,
    outputFileId: row.output_file_id,
    errorFileId: row.error_file_id,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    lastPolledAt: row.last_polled_at,
    error: row.error,
    following: row.job_state !== null && FOLLOWING.has(row.job_state)
  }
}
