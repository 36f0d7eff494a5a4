import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { Job } from '../../../src/shared/domain/job'
import { AppError } from '../../../src/shared/errors'
import { EventBus } from '../../../src/main/platform/event-bus'
import { createSilentLogger } from '../../../src/main/platform/logger'
import { defineJobKind, type JobContext } from '../../../src/main/jobs/job-kind'
import { JobQueue } from '../../../src/main/jobs/job-queue'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { openDatabase } from '../../../src/main/store/database'
import { JobsRepo } from '../../../src/main/jobs/jobs-repo'
import { tempDir } from '../../support/temp'

function setup() {
  const dir = tempDir()
  const db = openDatabase({
    file: join(dir, 'library.db'),
    backupsDir: join(dir, 'b'),
    migrations: MIGRATIONS
  })
  const repo = new JobsRepo(db)
  const bus = new EventBus(true)
  const events: Job[] = []
  bus.on('job.updated', (job) => events.push(job))
  const queue = new JobQueue({ repo, bus, logger: createSilentLogger(), progressIntervalMs: 0 })
  return { db, repo, bus, queue, events }
}

/** A job kind whose runs wait until the test releases them. */
function gatedKind(kind: string, concurrency: number) {
  const gates: { ctx: JobContext; release: (value?: unknown) => void; fail: (e: unknown) => void }[] = []
  const definition = defineJobKind({
    kind,
    concurrency,
    payload: z.object({ n: z.number() }),
    run: (_payload, ctx) =>
      new Promise((resolve, reject) => {
        gates.push({ ctx, release: resolve, fail: reject })
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))
      })
  })
  return { definition, gates }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('JobQueue', () => {
  it('runs at most `concurrency` jobs of a kind and starts the next as one finishes', async () => {
    const { queue, repo } = setup()
    const { definition, gates } = gatedKind('work', 2)
    queue.register(definition)
    queue.start()
    const jobs = [1, 2, 3].map((n) => queue.enqueue({ kind: 'work', title: `job ${n}`, payload: { n } }))
    await tick()
    expect(gates).toHaveLength(2)
    expect(repo.list({ states: ['running'], limit: 10 })).toHaveLength(2)
    gates[0]?.release({ done: 1 })
    await tick()
    expect(gates).toHaveLength(3)
    expect(queue.get(jobs[0]?.id as string)).toMatchObject({
      state: 'succeeded',
      result: { done: 1 },
      progress: 1
    })
  })

  it('emits progress with stage names and records failures with their code', async () => {
    const { queue, events } = setup()
    const { definition, gates } = gatedKind('work', 1)
    queue.register(definition)
    queue.start()
    const job = queue.enqueue({ kind: 'work', title: 't', payload: { n: 1 } })
    await tick()
    gates[0]?.ctx.progress('decoding', 0.5)
    gates[0]?.fail(new AppError('MEDIA_CORRUPT', 'bad file'))
    await tick()
    expect(events.some((e) => e.stage === 'decoding' && e.progress === 0.5)).toBe(true)
    expect(queue.get(job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'MEDIA_CORRUPT', message: 'bad file' }
    })
  })

  it('cancels queued and running jobs (the running one sees its signal) and retries them', async () => {
    const { queue } = setup()
    const { definition, gates } = gatedKind('work', 1)
    queue.register(definition)
    queue.start()
    const running = queue.enqueue({ kind: 'work', title: 'a', payload: { n: 1 } })
    const waiting = queue.enqueue({ kind: 'work', title: 'b', payload: { n: 2 } })
    await tick()
    expect(queue.cancel(waiting.id).state).toBe('cancelled')
    queue.cancel(running.id)
    await tick()
    expect(gates[0]?.ctx.signal.aborted).toBe(true)
    expect(queue.get(running.id).state).toBe('cancelled')
    expect(queue.retry(running.id).state).toMatch(/queued|running/)
    await tick()
    gates[1]?.release()
    await tick()
    expect(queue.get(running.id)).toMatchObject({ state: 'succeeded', attempts: 2 })
    expect(() => queue.retry(running.id)).toThrow(/Only failed, cancelled or waiting/)
  })

  it('parks a job as waiting when the provider is offline and resumes it on request', async () => {
    const { queue } = setup()
    const { definition, gates } = gatedKind('work', 1)
    queue.register(definition)
    queue.start()
    const job = queue.enqueue({ kind: 'work', title: 'a', payload: { n: 1 } })
    await tick()
    gates[0]?.fail(new AppError('AI_OFFLINE', 'no network'))
    await tick()
    expect(queue.get(job.id).state).toBe('waiting')
    expect(queue.resumeWaiting()).toBe(1)
    await tick()
    gates[1]?.release()
    await tick()
    expect(queue.get(job.id).state).toBe('succeeded')
  })

  it('waits for a job and every child it spawned', async () => {
    const { queue } = setup()
    let childId = ''
    queue.register(
      defineJobKind({
        kind: 'parent',
        concurrency: 1,
        payload: z.object({}),
        run: async (_p, ctx) => {
          childId = ctx.enqueueChild({ kind: 'child', title: 'c', payload: {} }).id
        }
      })
    )
    queue.register(
      defineJobKind({
        kind: 'child',
        concurrency: 1,
        payload: z.object({}),
        run: () => new Promise((resolve) => setTimeout(() => resolve('child done'), 50))
      })
    )
    queue.start()
    const parent = queue.enqueue({ kind: 'parent', title: 'p', payload: {} })
    await queue.waitForSettled([parent.id])
    expect(queue.get(childId)).toMatchObject({
      state: 'succeeded',
      parentId: parent.id,
      result: 'child done'
    })
  })

  it('returns the active job for a repeated dedupe key instead of queueing twice', () => {
    const { queue } = setup()
    const a = queue.enqueue({ kind: 'none', title: 'a', payload: {}, dedupeKey: 'thumb:1' })
    const b = queue.enqueue({ kind: 'none', title: 'b', payload: {}, dedupeKey: 'thumb:1' })
    expect(b.id).toBe(a.id)
  })

  it('runs only its own queued jobs while the process that queued the others holds its lease', async () => {
    const { db, repo, bus } = setup()
    const lease = { leaseMs: 400, renewMs: 100 }
    const a = new JobQueue({ repo, bus, logger: createSilentLogger(), lease })
    const b = new JobQueue({
      repo: new JobsRepo(db),
      bus: new EventBus(true),
      logger: createSilentLogger(),
      lease,
      takeOver: true
    })
    const ran: string[] = []
    const kind = (who: string) =>
      defineJobKind({
        kind: 'work',
        concurrency: 1,
        payload: z.object({}),
        run: async (_p, ctx) => void ran.push(`${who}:${ctx.job.title}`)
      })
    a.start() // holds a lease but cannot run 'work'
    b.register(kind('b'))
    b.start()
    const theirs = a.enqueue({ kind: 'work', title: 'a-job', payload: {} })
    const mine = b.enqueue({ kind: 'work', title: 'b-job', payload: {} })
    await b.waitForSettled([mine.id])
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(ran).toEqual(['b:b-job'])
    expect(repo.get(theirs.id)?.state).toBe('queued')
    await a.dispose() // gives up its lease: its job is anyone's now
    await b.waitForSettled([theirs.id])
    expect(ran).toEqual(['b:b-job', 'b:a-job'])
    await b.dispose()
  })

  it('shows a job of a killed process as interrupted, then another process takes it over', async () => {
    const { db, repo, bus } = setup()
    const lease = { leaseMs: 300, renewMs: 100 }
    const gated = gatedKind('work', 1)
    const dead = new JobQueue({ repo, bus, logger: createSilentLogger(), lease })
    dead.register(gated.definition)
    dead.start()
    const job = dead.enqueue({ kind: 'work', title: 'x', payload: { n: 1 } })
    await vi.waitFor(() => expect(repo.get(job.id)?.state).toBe('running'))
    // kill -9: the heartbeat stops, nothing is cleaned up.
    ;(dead as unknown as { heartbeat: NodeJS.Timeout }).heartbeat.unref()
    clearInterval((dead as unknown as { heartbeat: NodeJS.Timeout }).heartbeat)
    await vi.waitFor(() => expect(repo.get(job.id)?.state).toBe('interrupted'), { timeout: 2000 })
    const ran: string[] = []
    const heir = new JobQueue({
      repo: new JobsRepo(db),
      bus: new EventBus(true),
      logger: createSilentLogger(),
      lease,
      takeOver: true
    })
    heir.register(
      defineJobKind({
        kind: 'work',
        concurrency: 1,
        payload: z.object({ n: z.number() }),
        run: async () => void ran.push('heir')
      })
    )
    heir.start()
    // Same machine, process still there (a stalled loop, a sleeping laptop): the job is not taken.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(ran).toEqual([])
    // Once the process is gone its lease ends (on this host: as soon as its pid no longer exists).
    repo.releaseLease(dead.owner.id)
    await heir.waitForSettled([job.id])
    expect(ran).toEqual(['heir'])
    expect(repo.get(job.id)).toMatchObject({ state: 'succeeded', attempts: 2 })
    // The stalled process wakes up and finishes too: its outcome is dropped, the job ran once.
    gated.gates[0]?.release('late')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(repo.get(job.id)?.result).toBeNull()
    await heir.dispose()
  })

  it('adopts a job a dead process left queued when a re-run asks for the same work, and runs it', async () => {
    const { db, repo, bus } = setup()
    const gone = new JobQueue({ repo, bus, logger: createSilentLogger() })
    const orphan = gone.enqueue({ kind: 'thumb', title: 'x.png', payload: {}, dedupeKey: 'thumb:x' })
    // The process died without a lease row (as after kill -9 once its pid is gone).
    const rerun = new JobQueue({
      repo: new JobsRepo(db),
      bus: new EventBus(true),
      logger: createSilentLogger()
    })
    const ran: string[] = []
    rerun.register(
      defineJobKind({
        kind: 'thumb',
        concurrency: 1,
        payload: z.object({}),
        run: async () => void ran.push('thumb')
      })
    )
    rerun.register(
      defineJobKind({
        kind: 'import',
        concurrency: 1,
        payload: z.object({}),
        run: async (_p, ctx) =>
          void ctx.enqueueChild({ kind: 'thumb', title: 'x.png', payload: {}, dedupeKey: 'thumb:x' })
      })
    )
    rerun.start()
    const parent = rerun.enqueue({ kind: 'import', title: 'again', payload: {} })
    await rerun.waitForSettled([parent.id])
    expect(ran).toEqual(['thumb'])
    expect(repo.get(orphan.id)).toMatchObject({ state: 'succeeded', parentId: parent.id })
    await rerun.dispose()
  })
})
