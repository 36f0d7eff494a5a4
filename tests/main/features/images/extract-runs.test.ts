import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { FramewiseApp } from '../../../../src/main/app/create-app'
import { MemorySecretStore } from '../../../../src/main/platform/secrets/secret-store'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { fixture } from '../../../support/paths'
import { tempDir } from '../../../support/temp'

const RECEIPT = {
  merchant: 'Blue Bottle Coffee',
  date: '2024-03-09',
  currency: 'USD',
  total: 12.5,
  tax: null,
  line_items: [{ description: 'Latte', quantity: 2, amount: 12.5 }]
}

/** Three good photos, two truncated ones (they decode in part) and one that does not decode. */
function photoFolder(): string {
  const dir = tempDir('photos-')
  for (const name of ['Landscape_6.jpg', 'Portrait_5.jpg', 'blackbug.png'])
    copyFileSync(fixture('media', 'image', name), join(dir, name))
  for (const name of ['truncated.jpg', 'truncated.png', 'corrupt-header.jpg'])
    copyFileSync(fixture('media', 'bad', name), join(dir, name))
  return dir
}

async function setup(env: NodeJS.ProcessEnv = {}) {
  const fake = await fakeOpenAI()
  const app = testApp({ env: { ...process.env, FRAMEWISE_BATCH_POLL_MS: '20', ...env } })
  await addProvider(app, fake.baseURL)
  const job = await importAndWait(app, [photoFolder()])
  const report = job.result as ImportReport
  const assetIds = [...report.imported, ...report.duplicates].map((e) => e.assetId)
  return { fake, app, assetIds, report }
}

async function runAndWait(app: FramewiseApp, input: Parameters<FramewiseApp['router']['call']>[1] & object) {
  const started = await app.router.call('images.run', input as never)
  await app.services.jobs.waitForSettled([started.jobId])
  return { ...started, job: app.services.jobs.get(started.jobId) }
}

describe('extraction runs over many images', () => {
  it('estimates, runs 4 at a time, fills rows from the schema, fails the damaged file and never pays twice', async () => {
    const { fake, app, assetIds, report } = await setup()
    expect(assetIds).toHaveLength(5)
    expect(report.failed.map((f) => f.code)).toEqual(['MEDIA_CORRUPT'])
    fake.reply({ json: RECEIPT, usage: { input: 900, output: 60 } }, { path: '/chat/completions', times: 10 })
    const choice = { assetIds, extractor: { template: 'receipt' as const }, model: 'gpt-4o-mini' }

    const estimate = await app.router.call('images.estimate', choice)
    expect(estimate).toMatchObject({
      images: assetIds.length,
      cached: 0,
      model: 'gpt-4o-mini',
      detail: 'high'
    })
    expect(estimate.imageTokens).toBeGreaterThan(0)
    expect(estimate.batchCostUsd).toBeCloseTo(estimate.costUsd / 2, 6)
    expect(fake.requests).toHaveLength(0)

    // A sound file among the images: its row fails, the others go on.
    const sound = await importAndWait(app, [fixture('media', 'audio', 'jfk.flac')])
    const soundId = (sound.result as ImportReport).imported[0]!.assetId
    const { runId, job } = await runAndWait(app, { ...choice, assetIds: [...assetIds, soundId] })
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    const view = await app.router.call('images.run.view', { runId })
    const good = view.rows.filter((r) => r.status === 'ok')
    const bad = view.rows.filter((r) => r.status === 'failed')
    expect(good.length).toBe(fake.requestsTo('/chat/completions').length)
    expect(good[0]?.fields).toEqual(RECEIPT)
    expect(good).toHaveLength(5)
    expect(bad.map((r) => [r.file, r.error?.code])).toEqual([['jfk.flac', 'MEDIA_UNSUPPORTED']])
    expect(view.costUsd).toBeGreaterThan(0)

    // The request carries the prepared image at the template's detail and the strict schema.
    const body = fake.requestsTo('/chat/completions')[0]?.body as {
      messages: { content: unknown }[]
      response_format: { type: string; json_schema: { strict: boolean } }
    }
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } })
    expect(JSON.stringify(body.messages[1]?.content)).toMatch(/data:image\/jpeg;base64,.*"detail":"high"/)

    // The fields are searchable in the library.
    const found = await app.router.call('library.list', { search: 'Blue Bottle' })
    expect(found.items.map((i) => i.id).sort()).toEqual(good.map((r) => r.assetId).sort())

    // The same run again sends nothing and costs nothing.
    const before = fake.requests.length
    const again = await runAndWait(app, { ...choice })
    const second = await app.router.call('images.run.view', { runId: again.runId })
    expect(fake.requests.length).toBe(before)
    expect(second.rows.filter((r) => r.status === 'ok').every((r) => r.cached && r.costUsd === 0)).toBe(true)
    expect(second.costUsd).toBe(0)
    const estimateAfter = await app.router.call('images.estimate', choice)
    expect(estimateAfter.cached).toBe(good.length)
    // Forced, every picture is asked (and paid for) again: the estimate says so.
    const forced = await app.router.call('images.estimate', { ...choice, force: true })
    expect(forced.cached).toBe(0)
    expect(forced.costUsd).toBeGreaterThan(estimateAfter.costUsd)
  })

  it('keeps cell edits apart from the model, exports them, and refuses a schema strict mode would reject', async () => {
    const { fake, app, assetIds } = await setup()
    fake.reply({ json: RECEIPT }, { path: '/chat/completions', times: 10 })
    const { runId } = await runAndWait(app, { assetIds, extractor: { template: 'receipt' } })
    const row = (await app.router.call('images.run.view', { runId })).rows.find((r) => r.status === 'ok')!
    const edited = await app.router.call('images.run.edit', {
      runId,
      assetId: row.assetId,
      edits: { merchant: '蓝瓶咖啡' }
    })
    const after = edited.rows.find((r) => r.assetId === row.assetId)!
    expect(after.fields?.merchant).toBe('蓝瓶咖啡')
    expect(after.original?.merchant).toBe('Blue Bottle Coffee')
    expect(after.edited).toEqual(['merchant'])
    const csv = await app.router.call('images.run.export', { runId, format: 'csv' })
    expect(
      csv.content.startsWith('\uFEFFfile,status,merchant,date,currency,total,tax,line_items,error')
    ).toBe(true)
    expect(csv.content).toContain('蓝瓶咖啡')
    expect(csv.content).toContain('description: Latte, quantity: 2, amount: 12.5')
    const jsonl = await app.router.call('images.run.export', { runId, format: 'jsonl' })
    expect(jsonl.content.trim().split('\n')).toHaveLength(edited.rows.length)
    expect((await app.router.call('library.list', { search: '蓝瓶咖啡' })).items.map((i) => i.id)).toEqual([
      row.assetId
    ])

    const before = fake.requests.length
    await expect(
      app.router.call('images.run', {
        assetIds,
        extractor: { schema: { type: 'object', properties: { a: { type: 'string' } } }, instructions: 'x' }
      })
    ).rejects.toMatchObject({ code: 'AI_SCHEMA_INVALID' })
    expect(fake.requests.length).toBe(before)
  })

  it('marks a refusal and an answer that does not fit the schema, and stops on quota with the rest pending', async () => {
    const { fake, app, assetIds } = await setup()
    const good = assetIds.slice(0, 3)
    fake.reply({ refusal: 'I can’t help with that.' }, { path: '/chat/completions' })
    fake.reply({ json: { merchant: 'only this' } }, { path: '/chat/completions' })
    fake.reply({ json: RECEIPT }, { path: '/chat/completions' })
    const { runId } = await runAndWait(app, { assetIds: good, extractor: { template: 'receipt' } })
    const view = await app.router.call('images.run.view', { runId })
    expect(view.counts).toMatchObject({ ok: 1, refused: 1, failed: 1, pending: 0 })
    expect(view.rows.find((r) => r.status === 'refused')?.raw).toContain('can’t help')
    expect(view.rows.find((r) => r.status === 'failed')).toMatchObject({
      error: { code: 'AI_BAD_RESPONSE' },
      raw: expect.stringContaining('only this')
    })

    fake.fault({ kind: 'insufficient_quota' }, { path: '/chat/completions', times: 20 })
    const stopped = await runAndWait(app, {
      assetIds: good,
      extractor: { template: 'caption' },
      model: 'gpt-4o'
    })
    expect(stopped.job.error?.code).toBe('AI_QUOTA_EXCEEDED')
    const halted = await app.router.call('images.run.view', { runId: stopped.runId })
    expect(halted.status).toBe('failed')
    expect(halted.counts.pending).toBeGreaterThan(0)
    fake.reset()
    fake.reply(
      { json: { caption: 'c', tags: [], objects: [], dominant_colours: [], text_in_image: '' } },
      { times: 5 }
    )
    const resumed = await app.router.call('images.run.retry', { runId: stopped.runId })
    await app.services.jobs.waitForSettled([resumed.jobId])
    expect((await app.router.call('images.run.view', { runId: stopped.runId })).counts).toMatchObject({
      ok: 3,
      pending: 0
    })
  })

  it('sends a run as a Batch, polls until it completes, imports once at half the price', async () => {
    const { fake, app, assetIds } = await setup()
    const good = assetIds.slice(0, 3)
    fake.batchBehaviour({ pollsToComplete: 3 })
    const { runId, job } = await runAndWait(app, {
      assetIds: good,
      extractor: { template: 'receipt' },
      model: 'gpt-4o-mini',
      batch: true
    })
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    const view = await app.router.call('images.run.view', { runId })
    expect(view).toMatchObject({ mode: 'batch', status: 'complete', counts: { ok: 3, failed: 0 } })
    const input = fake.requestsTo('/files').find((r) => r.method === 'POST')?.form?.file as {
      content: Buffer
    }
    const lines = input.content
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { custom_id: string; url: string })
    expect(lines.map((l) => l.custom_id).sort()).toEqual([...good].sort())
    expect(lines[0]?.url).toBe('/v1/chat/completions')
    expect(fake.requestsTo('/batches/').filter((r) => r.method === 'GET').length).toBe(3)

    const [batch] = await app.router.call('batch.list', {})
    expect(batch).toMatchObject({
      state: 'completed',
      imported: true,
      runId,
      requestCounts: { total: 3, completed: 3 }
    })
    expect(batch!.costUsd).toBeGreaterThan(0)
    // Half of what the same usage costs sent directly (each line's cost is rounded when recorded).
    expect(batch!.costUsd / batch!.directCostUsd).toBeCloseTo(0.5, 2)
    expect(view.costUsd).toBeCloseTo(batch!.costUsd, 8)
    const batchUsage = app.services.usage.recent(50).filter((r) => r.batch)
    expect(batchUsage).toHaveLength(3)
  })

  it('imports the lines a failed or expired batch answered and fails the rest with its reason', async () => {
    const { fake, app, assetIds } = await setup()
    const good = assetIds.slice(0, 3)
    fake.batchBehaviour({ pollsToComplete: 2, failCustomIds: [good[0]!], expireAfterLines: 2 })
    const { runId } = await runAndWait(app, {
      assetIds: good,
      extractor: { template: 'caption' },
      batch: true
    })
    const view = await app.router.call('images.run.view', { runId })
    expect(view.counts).toMatchObject({ ok: 1, failed: 2 })
    const reasons = view.rows.filter((r) => r.status === 'failed').map((r) => r.error?.message)
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('could not be decoded'),
        expect.stringContaining('expired')
      ])
    )
  })

  it('resumes polling after the app closes mid-batch and imports once on the next start', async () => {
    const fake = await fakeOpenAI()
    const dataDir = tempDir('framewise-data-')
    const env = { ...process.env, FRAMEWISE_BATCH_POLL_MS: '20' }
    const secretStore = new MemorySecretStore() // the key store outlives the app, as the key file does
    const first = testApp({ dataDir, env, secretStore })
    await addProvider(first, fake.baseURL)
    const report = (await importAndWait(first, [photoFolder()])).result as ImportReport
    const good = report.imported.slice(0, 3).map((e) => e.assetId)
    fake.batchBehaviour({ pollsToComplete: 6 })
    const { runId } = await first.router.call('images.run', {
      assetIds: good,
      extractor: { template: 'caption' },
      batch: true
    })
    // Closed while the batch is at the provider, after a poll or two.
    await vi.waitFor(() => expect(fake.requestsTo('/batches/').length).toBeGreaterThanOrEqual(2), {
      timeout: 5000
    })
    await first.close()
    const polledBefore = fake.requestsTo('/batches/').length

    const second = testApp({ dataDir, env, secretStore, housekeeping: true })
    await vi.waitFor(
      async () => expect((await second.router.call('images.run.view', { runId })).status).toBe('complete'),
      { timeout: 10_000 }
    )
    expect(fake.requestsTo('/batches/').length).toBeGreaterThan(polledBefore)
    expect(fake.requestsTo('/batches').filter((r) => r.method === 'POST')).toHaveLength(1)
    const view = await second.router.call('images.run.view', { runId })
    expect(view.counts).toMatchObject({ ok: 3, pending: 0 })
    expect(second.services.usage.recent(50).filter((r) => r.batch)).toHaveLength(3)
  })

  it('splits a run over several batches when a file would pass the limit, and imports them all', async () => {
    const { fake, app, assetIds } = await setup({ FRAMEWISE_BATCH_MAX_LINES: '2' })
    const good = assetIds.slice(0, 3)
    fake.batchBehaviour({ pollsToComplete: 2 })
    const { runId, job } = await runAndWait(app, {
      assetIds: good,
      extractor: { template: 'caption' },
      batch: true
    })
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    const sent = fake.requestsTo('/files').filter((r) => r.method === 'POST')
    const lineCounts = sent.map(
      (r) => (r.form?.file as { content: Buffer }).content.toString('utf8').trim().split('\n').length
    )
    expect(lineCounts).toEqual([2, 1])
    const batches = (await app.router.call('batch.list', {})).filter((b) => b.runId === runId)
    expect(batches).toHaveLength(2)
    expect(batches.every((b) => b.imported)).toBe(true)
    const view = await app.router.call('images.run.view', { runId })
    expect(view).toMatchObject({ status: 'complete', counts: { ok: 3, pending: 0 } })
    expect(app.services.usage.recent(50).filter((r) => r.batch)).toHaveLength(3)
  })

  it('refuses a retry while the run is going, and a deleted batch run is cancelled at the provider', async () => {
    const { fake, app, assetIds } = await setup()
    fake.batchBehaviour({ pollsToComplete: 1000 })
    const { runId, jobId } = await app.router.call('images.run', {
      assetIds: assetIds.slice(0, 2),
      extractor: { template: 'caption' },
      batch: true
    })
    await vi.waitFor(() => expect(fake.requestsTo('/batches/').length).toBeGreaterThanOrEqual(1), {
      timeout: 5000
    })
    await expect(app.router.call('images.run.retry', { runId })).rejects.toMatchObject({ code: 'CONFLICT' })
    await app.router.call('images.run.delete', { runId })
    await app.services.jobs.waitForSettled([jobId])
    expect(app.services.jobs.get(jobId).state).toBe('cancelled')
    expect(fake.requestsTo('/cancel').filter((r) => r.method === 'POST')).toHaveLength(1)
    await expect(app.router.call('images.run.view', { runId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('cancels the batch at the provider when the user cancels the job, and the run says cancelled', async () => {
    const { fake, app, assetIds } = await setup()
    fake.batchBehaviour({ pollsToComplete: 1000 })
    const { runId, jobId } = await app.router.call('images.run', {
      assetIds: assetIds.slice(0, 2),
      extractor: { template: 'caption' },
      batch: true
    })
    await vi.waitFor(() => expect(fake.requestsTo('/batches/').length).toBeGreaterThanOrEqual(1), {
      timeout: 5000
    })
    app.services.jobs.cancel(jobId)
    await app.services.jobs.waitForSettled([jobId])
    expect(fake.requestsTo('/cancel').filter((r) => r.method === 'POST')).toHaveLength(1)
    const view = await app.router.call('images.run.view', { runId })
    expect(view.status).toBe('cancelled')
    const [batch] = await app.router.call('batch.list', {})
    expect(batch?.state).toBe('cancelling')
  })

  it('marks a run failed when polling breaks, and Resume picks the same batch up and imports it', async () => {
    const { fake, app, assetIds } = await setup()
    fake.batchBehaviour({ pollsToComplete: 2 })
    fake.fault({ kind: 'unauthorized' }, { path: /\/batches\/batch_/, times: 1 })
    const { runId, job } = await runAndWait(app, {
      assetIds: assetIds.slice(0, 2),
      extractor: { template: 'caption' },
      batch: true
    })
    expect(job.state).toBe('failed')
    expect((await app.router.call('images.run.view', { runId })).status).toBe('failed')
    const [stopped] = await app.router.call('batch.list', {})
    expect(stopped).toMatchObject({ imported: false, following: false })

    const resumed = await app.router.call('batch.follow', { id: stopped!.id })
    await app.services.jobs.waitForSettled([resumed.jobId as string])
    const view = await app.router.call('images.run.view', { runId })
    expect(view).toMatchObject({ status: 'complete', counts: { ok: 2, pending: 0 } })
    expect(fake.requestsTo('/batches').filter((r) => r.method === 'POST')).toHaveLength(1)
    expect((await app.router.call('batch.list', {}))[0]).toMatchObject({ imported: true, following: false })
  })
})
