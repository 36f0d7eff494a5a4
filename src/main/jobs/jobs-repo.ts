import { JobStage, type Job, type JobState } from '@shared/domain/job'
import { errorCodeOf, type ErrorInfo } from '@shared/errors'
import type { Db } from '../store/database'

export interface NewJob {
  id: string
  /** The process that queued it, and so the one that runs it while its lease lasts. */
  owner: string
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
  /** 1 when the job is running but its owner's lease ran out (computed by the query). */
  interrupted?: number
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
    try {
      this.db
        .prepare(
          `INSERT INTO jobs (id, kind, title, state, payload_json, parent_id, asset_id, dedupe_key, owner, created_at, updated_at)
         VALUES (@id, @kind, @title, 'queued', @payloadJson, @parentId, @assetId, @dedupeKey, @owner, @createdAt, @createdAt)`
        )
        .run({ ...job, payloadJson: JSON.stringify(job.payload ?? null) })
    } catch (error) {
      // Another process queued the same key between the check and the insert: use its job.
      const active = job.dedupeKey ? this.findActiveByKey(job.dedupeKey) : null
      if (active) return active
      throw error
    }
    return this.get(job.id) as Job
  }

  get(id: string): Job | null {
    const row = this.db.prepare(`${SELECT_JOB} WHERE j.id = ?`).get(Date.now(), id) as JobRow | undefined
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
      .prepare(
        `${SELECT_JOB} ${clause.replace('state', 'j.state')} ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`
      )
      .all(Date.now(), ...states, options.limit) as JobRow[]
    return rows.map(toJob)
  }

  children(parentId: string): Job[] {
    const rows = this.db
      .prepare(`${SELECT_JOB} WHERE j.parent_id = ? ORDER BY j.rowid`)
      .all(Date.now(), parentId) as JobRow[]
    return rows.map(toJob)
  }

  activeForAsset(assetId: string): Job[] {
    const rows = this.db
      .prepare(`${SELECT_JOB} WHERE j.asset_id = ? AND j.state IN ('queued', 'running', 'waiting')`)
      .all(Date.now(), assetId) as JobRow[]
    return rows.map(toJob)
  }

  /**
   * Atomically moves the oldest claimable job of a kind to running: a queued job this owner queued.
   * With `takeOver` (the app, `serve`), also any queued or running job whose owner is gone: its
   * lease deleted (the process stopped, or died on this host), or expired on another host. On the
   * same host an expired lease alone (a sleeping laptop, a stalled loop) never hands a job over.
   */
  claimNext(
    kind: string,
    owner: { id: string; host: string },
    now: string,
    nowMs: number,
    takeOver: boolean
  ): ClaimedJob | null {
    const row = this.db
      .prepare(
        `UPDATE jobs SET state = 'running', owner = @owner, started_at = @now, updated_at = @now,
           attempts = attempts + 1, error_json = NULL, stage = NULL
         WHERE id = (
           SELECT j.id FROM jobs j LEFT JOIN job_owners o ON o.owner = j.owner
           WHERE j.kind = @kind AND j.state IN ('queued', 'running')
             AND ((j.state = 'queued' AND (j.owner = @owner OR j.owner IS NULL))
                  OR (@takeOver = 1 AND (o.owner IS NULL OR (o.lease_until < @nowMs AND o.host <> @host))))
           ORDER BY j.created_at, j.rowid LIMIT 1)
         RETURNING *`
      )
      .get({ owner: owner.id, host: owner.host, now, kind, nowMs, takeOver: takeOver ? 1 : 0 }) as
      JobRow | undefined
    return row ? { job: toJob(row), payload: JSON.parse(row.payload_json) } : null
  }

  /**
   * Makes a job this owner's when the process that holds it is gone (a re-run asking for the same
   * work, a retry): a running one goes back to the queue first.
   */
  takeOwnership(id: string, owner: { id: string; host: string }, nowMs: number, now: string): void {
    this.db
      .prepare(
        `UPDATE jobs SET owner = @owner, updated_at = @now,
           state = CASE WHEN state = 'running' THEN 'queued' ELSE state END
         WHERE id = @id AND state IN ('queued', 'running', 'waiting') AND (owner IS NULL OR owner = @owner
           OR NOT EXISTS (SELECT 1 FROM job_owners o WHERE o.owner = jobs.owner
                          AND (o.lease_until >= @nowMs OR o.host = @host)))`
      )
      .run({ id, owner: owner.id, host: owner.host, nowMs, now })
  }

  /** The process that retries or resumes a job runs it. */
  setOwner(id: string, owner: string): void {
    this.db.prepare('UPDATE jobs SET owner = ? WHERE id = ?').run(owner, id)
  }

  /** Parks a running job as waiting, only while this owner still holds it. */
  park(id: string, owner: string, now: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = 'waiting', finished_at = NULL, updated_at = ? WHERE id = ? AND owner = ? AND state = 'running'`
        )
        .run(now, id, owner).changes > 0
    )
  }

  /** Ids of ancestors of a job (its parent, the parent's parent, …). */
  ancestors(id: string): string[] {
    const out: string[] = []
    let current = this.db.prepare('SELECT parent_id FROM jobs WHERE id = ?').get(id) as
      { parent_id: string | null } | undefined
    while (current?.parent_id && !out.includes(current.parent_id)) {
      out.push(current.parent_id)
      current = this.db.prepare('SELECT parent_id FROM jobs WHERE id = ?').get(current.parent_id) as
        { parent_id: string | null } | undefined
    }
    return out
  }

  adopt(id: string, parentId: string): Job | null {
    this.db.prepare('UPDATE jobs SET parent_id = ? WHERE id = ?').run(parentId, id)
    return this.get(id)
  }

  /** Claims this owner holds: renewed while it runs, dropped when it stops, gone when it dies. */
  renewLease(owner: { id: string; host: string; pid: number; startedAt: string }, untilMs: number): void {
    this.db
      .prepare(
        `INSERT INTO job_owners (owner, host, pid, started_at, lease_until) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(owner) DO UPDATE SET lease_until = excluded.lease_until`
      )
      .run(owner.id, owner.host, owner.pid, owner.startedAt, untilMs)
  }

  releaseLease(owner: string): void {
    this.db.prepare('DELETE FROM job_owners WHERE owner = ?').run(owner)
  }

  leasesOnHost(host: string): { owner: string; pid: number }[] {
    return this.db.prepare('SELECT owner, pid FROM job_owners WHERE host = ?').all(host) as {
      owner: string
      pid: number
    }[]
  }

  /** Leases that ran out long ago are only history. */
  forgetStaleLeases(beforeMs: number): void {
    this.db.prepare('DELETE FROM job_owners WHERE lease_until < ?').run(beforeMs)
  }

  /** Whether some queued job of these kinds is this owner's to run. */
  hasClaimable(kinds: readonly string[], owner: string): boolean {
    if (kinds.length === 0) return false
    const row = this.db
      .prepare(
        `SELECT 1 FROM jobs WHERE kind IN (${kinds.map(() => '?').join(',')}) AND state = 'queued'
           AND (owner = ? OR owner IS NULL) LIMIT 1`
      )
      .get(...kinds, owner)
    return row !== undefined
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

  /**
   * Records the outcome, but only while this owner still holds the job: if its lease ran out and
   * another process took the job over, that process's run is the one that counts.
   */
  finish(
    id: string,
    state: JobState,
    outcome: { result?: unknown; error?: ErrorInfo },
    now: string,
    owner: string
  ): boolean {
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = ?, result_json = ?, error_json = ?, finished_at = ?, updated_at = ?,
           progress = CASE WHEN ? = 'succeeded' THEN 1 ELSE progress END
         WHERE id = ? AND owner IS ? AND state = 'running'`
        )
        .run(
          state,
          outcome.result === undefined ? null : JSON.stringify(outcome.result),
          outcome.error ? JSON.stringify({ code: outcome.error.code, message: outcome.error.message }) : null,
          now,
          now,
          state,
          id,
          owner
        ).changes > 0
    )
  }

  setState(id: string, state: JobState, now: string): void {
    const finished = state === 'queued' || state === 'waiting' ? null : now
    this.db
      .prepare('UPDATE jobs SET state = ?, finished_at = ?, updated_at = ? WHERE id = ?')
      .run(state, finished, now, id)
  }

  /** A stopping process hands its running jobs back: queued again, for whoever holds a lease next. */
  requeueOwned(owner: string, now: string): number {
    return this.db
      .prepare(
        `UPDATE jobs SET state = 'queued', stage = NULL, updated_at = ? WHERE state = 'running' AND owner = ?`
      )
      .run(now, owner).changes
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
      .prepare(`${SELECT_JOB} WHERE j.dedupe_key = ? AND j.state IN ('queued', 'running', 'waiting')`)
      .get(Date.now(), key) as JobRow | undefined
    return row ? toJob(row) : null
  }
}

/** Jobs with `interrupted` worked out from their owner's lease (the first parameter is now, in ms). */
const SELECT_JOB = `SELECT j.*, (j.state = 'running' AND (o.owner IS NULL OR o.lease_until < ?)) AS interrupted
  FROM jobs j LEFT JOIN job_owners o ON o.owner = j.owner`

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.interrupted ? 'interrupted' : row.state,
    stage: readStage(row.stage),
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

/** A stage written by another version of Framewise that this one has no name for shows as none. */
function readStage(stage: string | null): Job['stage'] {
  const parsed = JobStage.safeParse(stage)
  return parsed.success ? parsed.data : null
}
