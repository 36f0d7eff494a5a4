import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
  const db = openDatabase({ file: join(dir, 'library.db'), backupsDir: join(dir, 'b'), migrations: MIGRATIONS })
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

  it('requeues jobs left running by a dead process, but not those of a live one', () => {
    const { repo, db } = setup()
    const now = new Date().toISOString()
    for (const [id, owner] of [
      ['dead', 'some-host:999999'],
      ['alive', null]
    ] as const) {
      repo.insert({
        id,
        kind: 'work',
        title: id,
        payload: {},
        parentId: null,
        assetId: null,
        dedupeKey: null,
        createdAt: now
      })
      db.prepare(`UPDATE jobs SET state = 'running', owner = ? WHERE id = ?`).run(owner, id)
    }
    const requeued = repo.requeueInterrupted((owner) => owner === null, now)
    expect(requeued).toBe(1)
    expect(repo.get('dead')?.state).toBe('queued')
    expect(repo.get('alive')?.state).toBe('running')
  })
})
