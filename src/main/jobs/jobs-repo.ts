import type { Job, JobState } from '@shared/domain/job'
import { errorCodeOf, type ErrorInfo } from '@shared/errors'
import type { Db } from '../store/database'

export interface NewJob {
  id: string
  kind: string
  title: string
  payload: unknown
  parentId: string | null
  assetId: string | null
  dedupeKey: string | null
  createdAt: string
}

interface JobRow {
  id: string
  kind: string
  title: string
  state: JobState
  payload_json: string
  result_json: string | null
  error_json: string | null
  stage: string | null
  progress: number
  attempts: number
  parent_id: string | null
  asset_id: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
}

export interface ClaimedJob {
  job: Job
  payload: unknown
}

export class JobsRepo {
  constructor(private readonly db: Db) {}

  /** Inserts a queued job; with a dedupe key, an active job with the same key is returned instead. */
  insert(job: NewJob): Job {
    if (job.dedupeKey) {
      const active = this.findActiveByKey(job.dedupeKey)
      if (active) return active
    }
    this.db
      .prepare(
        `INSERT INTO jobs (id, kind, title, state, payload_json, parent_id, asset_id, dedupe_key, created_at, updated_at)
         VALUES (@id, @kind, @title, 'queued', @payloadJson, @parentId, @assetId, @dedupeKey, @createdAt, @createdAt)`
      )
      .run({ ...job, payloadJson: JSON.stringify(job.payload ?? null) })
    return this.get(job.id) as Job
  }

  get(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined
    return row ? toJob(row) : null
  }

  payloadOf(id: string): unknown {
    const row = this.db.prepare('SELECT payload_json FROM jobs WHERE id = ?').get(id) as
      { payload_json: string } | undefined
    return row ? JSON.parse(row.payload_json) : null
  }

  list(options: { states?: readonly JobState[]; limit: number }): Job[] {
    const states = options.states ?? []
    const clause = states.length > 0 ? `WHERE state IN (${states.map(() => '?').join(',')})` : ''
    const rows = this.db
      .prepare(`SELECT * FROM jobs ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(...states, options.limit) as JobRow[]
    return rows.map(toJob)
  }

  children(parentId: string): Job[] {
    const rows = this.db
      .prepare('SELECT * FROM jobs WHERE parent_id = ? ORDER BY rowid')
      .all(parentId) as JobRow[]
    return rows.map(toJob)
  }

  activeForAsset(assetId: string): Job[] {
    const rows = this.db
      .prepare(`SELECT * FROM jobs WHERE asset_id = ? AND state IN ('queued', 'running', 'waiting')`)
      .all(assetId) as JobRow[]
    return rows.map(toJob)
  }

  /** Atomically moves the oldest queued job of a kind to running. */
  claimNext(kind: string, owner: string, now: string): ClaimedJob | null {
    const row = this.db
      .prepare(
        `UPDATE jobs SET state = 'running', owner = ?, started_at = ?, updated_at = ?, attempts = attempts + 1,
           error_json = NULL, stage = NULL
         WHERE id = (SELECT id FROM jobs WHERE kind = ? AND state = 'queued' ORDER BY created_at, rowid LIMIT 1)
         RETURNING *`
      )
      .get(owner, now, now, kind) as JobRow | undefined
    return row ? { job: toJob(row), payload: JSON.parse(row.payload_json) } : null
  }

  queuedKinds(): string[] {
    const rows = this.db.prepare(`SELECT DISTINCT kind FROM jobs WHERE state = 'queued'`).all() as {
      kind: string
    }[]
    return rows.map((r) => r.kind)
  }

  setProgress(id: string, stage: string | null, progress: number, now: string): void {
    this.db
      .prepare('UPDATE jobs SET stage = ?, progress = ?, updated_at = ? WHERE id = ?')
      .run(stage, progress, now, id)
  }

  finish(id: string, state: JobState, outcome: { result?: unknown; error?: ErrorInfo }, now: string): void {
    this.db
      .prepare(
        `UPDATE jobs SET state = ?, result_json = ?, error_json = ?, finished_at = ?, updated_at = ?,
           progress = CASE WHEN ? = 'succeeded' THEN 1 ELSE progress END
         WHERE id = ?`
      )
      .run(
        state,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error ? JSON.stringify({ code: outcome.error.code, message: outcome.error.message }) : null,
        now,
        now,
        state,
        id
      )
  }

  setState(id: string, state: JobState, now: string): void {
    const finished = state === 'queued' || state === 'waiting' ? null : now
    this.db
      .prepare('UPDATE jobs SET state = ?, finished_at = ?, updated_at = ? WHERE id = ?')
      .run(state, finished, now, id)
  }

  /** Crash recovery: jobs whose owning process is gone run again; another live process keeps its own. */
  requeueInterrupted(isOwnerAlive: (owner: string | null) => boolean, now: string): number {
    const owners = this.db.prepare(`SELECT DISTINCT owner FROM jobs WHERE state = 'running'`).all() as {
      owner: string | null
    }[]
    const requeue = this.db.prepare(
      `UPDATE jobs SET state = 'queued', stage = NULL, updated_at = ? WHERE state = 'running' AND owner IS ?`
    )
    return owners
      .filter((row) => !isOwnerAlive(row.owner))
      .reduce((sum, row) => sum + requeue.run(now, row.owner).changes, 0)
  }

  waitingIds(): string[] {
    const rows = this.db.prepare(`SELECT id FROM jobs WHERE state = 'waiting'`).all() as { id: string }[]
    return rows.map((r) => r.id)
  }

  clearFinished(): number {
    return this.db
      .prepare(
        `DELETE FROM jobs WHERE state IN ('succeeded', 'failed', 'cancelled')
           AND id NOT IN (SELECT parent_id FROM jobs WHERE parent_id IS NOT NULL AND state IN ('queued', 'running', 'waiting'))`
      )
      .run().changes
  }

  private findActiveByKey(key: string): Job | null {
    const row = this.db
      .prepare(`SELECT * FROM jobs WHERE dedupe_key = ? AND state IN ('queued', 'running', 'waiting')`)
      .get(key) as JobRow | undefined
    return row ? toJob(row) : null
  }
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    stage: row.stage,
    progress: Math.min(1, Math.max(0, row.progress)),
    attempts: row.attempts,
    error: row.error_json ? readError(row.error_json) : null,
    result: row.result_json ? (JSON.parse(row.result_json) as unknown) : null,
    parentId: row.parent_id,
    assetId: row.asset_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at
  }
}

/** A stored error; a code this version does not know (an older or newer Framewise) reads as INTERNAL. */
function readError(json: string): NonNullable<Job['error']> {
  const raw = JSON.parse(json) as { code?: unknown; message?: unknown }
  return { code: errorCodeOf(raw.code, 'INTERNAL'), message: String(raw.message ?? '') }
}
