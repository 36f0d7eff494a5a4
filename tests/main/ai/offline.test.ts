import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineJobKind } from '../../../src/main/jobs/job-kind'
import { addProvider, FAST_RETRY, fakeOpenAI, freePort } from '../../support/ai'
import { testApp } from '../../support/app'

describe('offline', () => {
  it('parks a job as waiting while the provider is unreachable and resumes it when a health check passes', async () => {
    const port = await freePort()
    const app = testApp()
    await addProvider(app, `http://127.0.0.1:${port}/v1`)
    app.services.jobs.register(
      defineJobKind({
        kind: 'test.ask',
        concurrency: 1,
        payload: z.object({}),
        run: async (_p, ctx) =>
          (
            await app.services.ai.chat(
              { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
              { jobId: ctx.job.id, signal: ctx.signal, retry: FAST_RETRY }
            )
          ).value.text
      })
    )
    const statuses: boolean[] = []
    app.bus.on('providers.status', (s) => statuses.push(s.online))
    const job = app.services.jobs.enqueue({ kind: 'test.ask', title: 'ask', payload: {} })
    await expect.poll(() => app.services.jobs.get(job.id).state, { timeout: 10_000 }).toBe('waiting')
    await app.services.health.tick()
    expect(app.services.jobs.get(job.id).state).toBe('waiting')
    expect(statuses).toEqual([false])
    await fakeOpenAI({ port })
    await app.services.health.tick()
    await expect.poll(() => app.services.jobs.get(job.id).state, { timeout: 10_000 }).toBe('succeeded')
    expect(statuses).toEqual([false, true])
    expect(app.services.usage.forJob(job.id)).toHaveLength(1)
  })
})
