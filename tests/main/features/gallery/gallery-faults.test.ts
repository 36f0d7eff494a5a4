import { readdirSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../../src/shared/errors'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { testApp } from '../../../support/app'

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  return { fake, app }
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
  } catch {
    return []
  }
}

describe('image requests when things go wrong', () => {
  it('waits out a 429 as the provider asks and records one charge', async () => {
    const { fake, app } = await setup()
    fake.fault({ kind: 'rate_limit', retryAfterMs: 30 }, { path: '/images/generations' })
    const started = await app.router.call('gallery.generate', { prompt: 'a fox', model: 'gpt-image-1' })
    await app.services.jobs.waitForSettled([started.jobId])
    const run = await app.router.call('gallery.run', { runId: started.runId })
    expect(run.status).toBe('complete')
    expect(fake.requestsTo('/images/generations')).toHaveLength(2)
    expect(app.services.usage.recent(10)).toHaveLength(1)
  })

  it('marks the request failed when the disk is full while saving, and leaves no file behind', async () => {
    const { app } = await setup()
    vi.spyOn(app.services.importer, 'importFile').mockRejectedValueOnce(
      new AppError('FILE_TOO_LARGE', 'Not enough free disk space to copy this file into the library.')
    )
    const started = await app.router.call('gallery.generate', { prompt: 'a fox', model: 'gpt-image-1' })
    await app.services.jobs.waitForSettled([started.jobId])
    expect(app.services.jobs.get(started.jobId).error).toMatchObject({ code: 'FILE_TOO_LARGE' })
    const run = await app.router.call('gallery.run', { runId: started.runId })
    // What was paid is kept with the failed request; nothing half-written is in the library.
    expect(run).toMatchObject({ status: 'failed', images: [], error: { code: 'FILE_TOO_LARGE' } })
    expect(run.costUsd).toBeGreaterThan(0)
    expect((await app.router.call('library.list', {})).items).toHaveLength(0)
    expect(filesUnder(app.paths.blobsDir)).toEqual([])
  })

  it('cancels a request that is taking long, and stores nothing', async () => {
    const { fake, app } = await setup()
    fake.fault({ kind: 'hang' }, { path: '/images/generations' })
    const started = await app.router.call('gallery.generate', { prompt: 'a fox', model: 'gpt-image-1' })
    await vi.waitFor(() => expect(fake.requestsTo('/images/generations')).toHaveLength(1))
    await app.router.call('jobs.cancel', { id: started.jobId })
    await app.services.jobs.waitForSettled([started.jobId])
    expect(app.services.jobs.get(started.jobId).state).toBe('cancelled')
    const run = await app.router.call('gallery.run', { runId: started.runId })
    expect(run).toMatchObject({ status: 'failed', images: [], error: { code: 'CANCELLED' } })
    expect((await app.router.call('gallery.list', {})).items).toHaveLength(0)
  })
})
