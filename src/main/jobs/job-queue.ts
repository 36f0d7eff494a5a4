import { randomUUID } from 'node:crypto'
import type { Job, JobStage, JobState } from '@shared/domain/job'
import { AppError, toErrorInfo, type ErrorInfo } from '@shared/errors'
import type { EventBus } from '../platform/event-bus'
import type { Logger } from '../platform/logger'
import type { JobsRepo } from './jobs-repo'
import type { EnqueueRequest, JobContext, JobKind } from './job-kind'
import { isProcessAlive, LEASE_MS, newJobOwner, RENEW_MS, type JobOwner } from './job-owner'
import { SettleWaiters } from './settle-waiters'

interface Running {
  controller: AbortController
  kind: string
  cancelRequested: boolean
}

export interface JobQueueDeps {
  repo: JobsRepo
  bus: EventBus
  logger: Logger
  now?: () => Date
  progressIntervalMs?: number
  /**
   * Whether this process takes over the jobs of processes that are gone (the app and `serve` do;
   * a short CLI command runs only its own, so it never starts paying for someone else's work).
   */
  takeOver?: boolean
  /** Lease length and renewal period (tests shorten them). */
  lease?: { leaseMs: number; renewMs: number }
}

const TERMINAL: readonly JobState[] = ['succeeded', 'failed', 'cancelled']
/** A waiting job (provider away) can be tried again at once instead of at the next health check. */
const RETRYABLE: readonly JobState[] = ['failed', 'cancelled', 'waiting']

/** Durable queue: rows in SQLite, per-kind concurrency, progress events, cancel, retry, recovery. */
export class JobQueue {
  private readonly kinds = new Map<string, JobKind>()
  private readonly running = new Map<string, Running>()
  private readonly lastProgressWrite = new Map<string, { at: number; stage: string | null }>()
  private readonly waiters: SettleWaiters
  private started = false
  private disposed = false
  private heartbeat: NodeJS.Timeout | null = null
  /** Who this queue is to the other processes sharing the library (ADR 011). */
  readonly owner: JobOwner = newJobOwner()

  constructor(private readonly deps: JobQueueDeps) {
    this.waiters = new SettleWaiters(deps.repo)
  }

  register(kind: JobKind): void {
    this.kinds.set(kind.kind, kind)
  }

  /**
   * Takes a lease and starts running jobs: its own, and those of processes whose lease ran out.
   * The lease is renewed on a timer that also picks up work another process left behind.
   */
  start(): void {
    if (this.started) return
    this.started = true
    this.renewLease()
    this.endDeadLeases()
    this.deps.repo.forgetStaleLeases(Date.now() - 24 * 60 * 60 * 1000)
    this.heartbeat = setInterval(() => this.beat(), this.deps.lease?.renewMs ?? RENEW_MS)
    this.heartbeat.unref()
    this.pump()
  }

  /** A busy database (another process writing) must not crash the process: try again next beat. */
  private beat(): void {
    try {
      this.renewLease()
      this.endDeadLeases()
      this.pump()
    } catch (error) {
      this.deps.logger.warn('job heartbeat failed; retrying', { error: String(error) })
    }
  }

  /** Leases of processes on this machine that no longer exist end now rather than when they expire. */
  private endDeadLeases(): void {
    for (const lease of this.deps.repo.leasesOnHost(this.owner.host)) {
      if (lease.owner !== this.owner.id && !isProcessAlive(lease.pid))
        this.deps.repo.releaseLease(lease.owner)
    }
  }

  private renewLease(): void {
    this.deps.repo.renewLease(this.owner, Date.now() + (this.deps.lease?.leaseMs ?? LEASE_MS))
  }

  enqueue(request: EnqueueRequest): Job {
    const id = randomUUID()
    const inserted = this.deps.repo.insert({
      id,
      owner: this.owner.id,
      kind: request.kind,
      title: request.title,
      payload: request.payload,
      parentId: request.parentId ?? null,
      assetId: request.assetId ?? null,
      dedupeKey: request.dedupeKey ?? null,
      createdAt: this.stamp()
    })
    // An active job with the same key is adopted by the new parent, so waiting for the parent's tree
    // waits for it too.
    if (inserted.id !== id && inserted.state !== 'waiting')
      this.deps.repo.takeOwnership(inserted.id, this.owner, Date.now(), this.stamp())
    const adoptable =
      request.parentId &&
      inserted.parentId !== request.parentId &&
      inserted.id !== request.parentId &&
      !this.deps.repo.ancestors(request.parentId).includes(inserted.id)
    const job = adoptable
      ? (this.deps.repo.adopt(inserted.id, request.parentId as string) ?? inserted)
      : inserted
    this.publish(job.id)
    this.pump()
    return job
  }

  get(id: string): Job {
    const job = this.deps.repo.get(id)
    if (!job) throw new AppError('NOT_FOUND', `No job with id ${id}.`)
    return job
  }

  cancel(id: string): Job {
    const job = this.get(id)
    for (const child of this.deps.repo.children(id)) {
      if (!TERMINAL.includes(child.state)) this.cancel(child.id)
    }
    const live = this.running.get(id)
    if (live) {
      live.cancelRequested = true
      live.controller.abort(new AppError('CANCELLED', 'Cancelled by the user.'))
    } else if (!TERMINAL.includes(job.state)) {
      this.deps.repo.setState(id, 'cancelled', this.stamp())
      this.publish(id)
    }
    return this.get(id)
  }

  retry(id: string): Job {
    const job = this.get(id)
    if (!RETRYABLE.includes(job.state)) {
      throw new AppError(
        'CONFLICT',
        `Only failed, cancelled or waiting jobs can be retried (this one is ${job.state}).`
      )
    }
    this.deps.repo.setState(id, 'queued', this.stamp())
    this.deps.repo.setOwner(id, this.owner.id)
    this.deps.repo.setProgress(id, null, 0, this.stamp())
    this.publish(id)
    this.pump()
    return this.get(id)
  }

  list(options: { states?: readonly JobState[]; limit: number }): Job[] {
    return this.deps.repo.list(options)
  }

  /** Removes finished jobs from the list; returns how many went. */
  clearFinished(): number {
    return this.deps.repo.clearFinished()
  }

  /**
   * Resolves with the jobs once they and their children have settled, or, when asked, as soon as one
   * of them parks as `waiting` (a provider is away: the caller decides whether to keep waiting).
   */
  async waitFor(ids: readonly string[], options: { stopWhenWaiting?: boolean } = {}): Promise<Job[]> {
    const snapshot = (): Job[] => ids.map((id) => this.get(id))
    if (options.stopWhenWaiting && snapshot().some((job) => job.state === 'waiting')) return snapshot()
    let stop = (): void => {}
    const parked = new Promise<void>((resolve) => {
      if (!options.stopWhenWaiting) return
      const off = this.deps.bus.on('job.updated', (job) => {
        if (ids.includes(job.id) && job.state === 'waiting') resolve()
      })
      // Another process may park the job: its events never reach this bus.
      const poll = setInterval(() => snapshot().some((job) => job.state === 'waiting') && resolve(), 500)
      stop = () => {
        off()
        clearInterval(poll)
      }
    })
    try {
      await Promise.race([this.waitForSettled(ids), parked])
    } finally {
      stop()
    }
    return snapshot()
  }

  activeForAsset(assetId: string): Job[] {
    return this.deps.repo.activeForAsset(assetId)
  }

  hasWaiting(): boolean {
    return this.deps.repo.waitingIds().length > 0
  }

  /** Jobs parked as `waiting` (provider offline) go back to the queue. */
  resumeWaiting(): number {
    const ids = this.deps.repo.waitingIds()
    for (const id of ids) {
      this.deps.repo.setState(id, 'queued', this.stamp())
      this.deps.repo.setOwner(id, this.owner.id)
      this.publish(id)
    }
    this.pump()
    return ids.length
  }

  /** Resolves once the jobs and every job they spawned have finished, whatever the outcome. */
  waitForSettled(ids: readonly string[]): Promise<void> {
    return this.waiters.add(ids)
  }

  isIdle(): boolean {
    return this.running.size === 0 && !this.deps.repo.hasClaimable([...this.kinds.keys()], this.owner.id)
  }

  /**
   * Stops new work and aborts running jobs, which go back to the queue; the lease is dropped at
   * once, so another process sharing the library takes them over without waiting for it to expire.
   */
  async dispose(): Promise<void> {
    this.disposed = true
    for (const live of this.running.values())
      live.controller.abort(new AppError('CANCELLED', 'Shutting down.'))
    // The lease is renewed until the running jobs have let go, so nobody takes them over meanwhile.
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 10))
    if (this.heartbeat) clearInterval(this.heartbeat)
    if (this.started) {
      this.deps.repo.requeueOwned(this.owner.id, this.stamp())
      this.deps.repo.releaseLease(this.owner.id)
    }
  }

  private pump(): void {
    if (!this.started || this.disposed) return
    for (const kind of this.kinds.values()) {
      while (this.runningCount(kind.kind) < kind.concurrency) {
        const claimed = this.deps.repo.claimNext(
          kind.kind,
          this.owner,
          this.stamp(),
          Date.now(),
          this.deps.takeOver === true
        )
        if (claimed && this.running.has(claimed.job.id)) break
        if (!claimed) break
        this.launch(kind, claimed.job, claimed.payload)
      }
    }
  }

  private launch(kind: JobKind, job: Job, rawPayload: unknown): void {
    const live: Running = { controller: new AbortController(), kind: kind.kind, cancelRequested: false }
    this.running.set(job.id, live)
    this.publish(job.id)
    const ctx = this.contextFor(job, live)
    void Promise.resolve()
      .then(() => kind.run(kind.payload.parse(rawPayload), ctx))
      .then(
        (result) => this.settle(job.id, 'succeeded', { result: result ?? null }),
        (error: unknown) => this.settleFailure(job.id, live, error)
      )
  }

  private contextFor(job: Job, live: Running): JobContext {
    return {
      job,
      signal: live.controller.signal,
      progress: (stage, fraction) => this.reportProgress(job.id, stage, fraction),
      enqueueChild: (request) => this.enqueue({ ...request, parentId: job.id }),
      cancelledByUser: () => live.cancelRequested
    }
  }

  private settleFailure(id: string, live: Running, error: unknown): void {
    if (this.disposed && !live.cancelRequested) {
      // Shutting down: dispose() hands the job back to the queue.
      this.running.delete(id)
      return
    }
    if (live.cancelRequested) return this.settle(id, 'cancelled', {})
    const info = toErrorInfo(error)
    if (info.code === 'AI_OFFLINE') return this.settle(id, 'waiting', { error: info })
    if (info.code === 'INTERNAL') this.deps.logger.error('job failed', { id, error: String(error) })
    this.settle(id, 'failed', { error: info })
  }

  private settle(id: string, state: JobState, outcome: { result?: unknown; error?: ErrorInfo }): void {
    this.running.delete(id)
    this.lastProgressWrite.delete(id)
    if (state === 'waiting') this.deps.repo.park(id, this.owner.id, this.stamp())
    else if (!this.deps.repo.finish(id, state, outcome, this.stamp(), this.owner.id))
      this.deps.logger.warn('job outcome dropped: another process took it over or it was cancelled', { id })
    this.publish(id)
    this.waiters.check()
    this.pump()
  }

  private reportProgress(id: string, stage: JobStage, fraction: number): void {
    const now = Date.now()
    const last = this.lastProgressWrite.get(id) ?? { at: 0, stage: null }
    // A new stage is always shown; progress within a stage is throttled.
    const sameStage = last.stage === stage
    if (sameStage && now - last.at < (this.deps.progressIntervalMs ?? 200) && fraction < 1) return
    this.lastProgressWrite.set(id, { at: now, stage })
    this.deps.repo.setProgress(id, stage, Math.min(1, Math.max(0, fraction)), this.stamp())
    this.publish(id)
  }

  private runningCount(kind: string): number {
    let count = 0
    for (const live of this.running.values()) if (live.kind === kind) count += 1
    return count
  }

  private publish(id: string): void {
    const job = this.deps.repo.get(id)
    if (job) this.deps.bus.emit('job.updated', job)
  }

  private stamp(): string {
    return (this.deps.now?.() ?? new Date()).toISOString()
  }
}
