import type { ImportReport } from '../../../../src/shared/domain/asset'
import { describe, expect, it } from 'vitest'
import { SUMMARY_JOB } from '../../../../src/shared/domain/video'
import { addProvider, fakeOpenAI, freePort } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { makeVideo } from '../../../support/generate-media'
import { media, suiteTempDir } from '../../../support/temp'
import { scriptVideoReplies, SEGMENTS, summaryJson } from '../../../support/video-summary'

const TEARS = media('video', 'tears-of-steel-battle-clip-medium.webm')

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  return { fake, app }
}

async function importOne(app: ReturnType<typeof testApp>, file: string): Promise<string> {
  const job = await importAndWait(app, [file])
  const assetId = (job.result as ImportReport).imported[0]?.assetId
  if (!assetId) throw new Error(`import failed: ${JSON.stringify(job.result)}`)
  return assetId
}

async function summarise(app: ReturnType<typeof testApp>, assetId: string, options = {}, force = false) {
  const started = await app.services.summaries.start(assetId, { maxFrames: 8, ...options }, force)
  if (started.jobId) await app.services.jobs.waitForSettled([started.jobId])
  return { ...started, job: started.jobId ? app.services.jobs.get(started.jobId) : null }
}

describe('video summary pipeline', () => {
  it('summarises Tears of Steel from timestamped frames and transcript, with chapters fixed to the duration', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, TEARS)
    scriptVideoReplies(fake, 70.5)
    const stages: string[] = []
    app.bus.on(
      'job.updated',
      (job) => job.kind === SUMMARY_JOB && job.stage && !stages.includes(job.stage) && stages.push(job.stage)
    )
    const { job } = await summarise(app, assetId)
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    expect(stages).toEqual(expect.arrayContaining(['selecting-keyframes', 'transcribing', 'summarising']))

    const analysis = app.services.summaries.get(assetId)
    expect(analysis?.status).toBe('complete')
    const chapters = analysis?.summary?.chapters ?? []
    expect(chapters.map((c) => c.title)).toEqual(['Holding the bridge', 'The robot attacks'])
    expect(chapters[0]?.start).toBe(0)
    expect(chapters.at(-1)?.end).toBeCloseTo(70.54, 1)
    expect(chapters[0]!.end).toBeLessThanOrEqual(chapters[1]!.start)
    expect(analysis?.transcript?.segments.map((s) => s.text)).toEqual(SEGMENTS.map((s) => s.text))
    expect(analysis?.frames?.frames.length).toBeGreaterThan(2)
    expect(analysis?.usage).toMatchObject({ inputTokens: 4200, outputTokens: 380 })
    // Both the transcription (billed per minute) and the summary count towards the cost.
    const rows = app.services.usage.forJob(job!.id)
    expect(rows.map((r) => r.model).sort()).toEqual(['gpt-4o-mini', 'whisper-1'])
    expect(analysis?.costUsd).toBeCloseTo(
      rows.reduce((sum, r) => sum + r.costUsd, 0),
      8
    )
    expect(rows.find((r) => r.model === 'whisper-1')?.costUsd).toBeGreaterThan(0)

    const [request] = fake.requestsTo('/chat/completions')
    const body = request?.body as {
      response_format: { type: string; json_schema: { strict: boolean } }
      messages: { content: unknown }[]
    }
    expect(body.response_format.json_schema.strict).toBe(true)
    const parts = body.messages[1]?.content as {
      type: string
      text?: string
      image_url?: { detail: string }
    }[]
    const imageIndexes = parts.flatMap((p, i) => (p.type === 'image_url' ? [i] : []))
    expect(imageIndexes.length).toBe(analysis?.frames?.frames.length)
    for (const i of imageIndexes) expect(parts[i - 1]?.text).toMatch(/^\[\d\d:\d\d\]$/)
    expect(parts.at(-1)?.text).toContain('[00:04] We need more time')
    const form = fake.requestsTo('/audio/transcriptions')[0]?.form as Record<string, unknown>
    expect(form.response_format).toBe('verbose_json')
    expect(form.model).toBe('whisper-1')
  })

  it('answers the same video, options and model from the library without any request, and re-runs on purpose', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, TEARS)
    scriptVideoReplies(fake, 70.5)
    await summarise(app, assetId)
    const before = fake.requests.length
    const again = await summarise(app, assetId)
    expect(again).toMatchObject({ cached: true, jobId: null })
    expect(fake.requests.length).toBe(before)

    const forced = await summarise(app, assetId, {}, true)
    expect(forced.job?.state).toBe('succeeded')
    // The transcript is kept (same audio, same model); only the summary is asked again.
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
    expect(fake.requestsTo('/chat/completions')).toHaveLength(2)
    const other = await summarise(app, assetId, { maxFrames: 4 })
    expect(other.cached).toBe(false)
  })

  it('summarises a video without audio from its frames alone', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('video', 'bbb_642x642_768kbps_30fps_vp9.webm'))
    scriptVideoReplies(fake, 3)
    const { job } = await summarise(app, assetId)
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(0)
    expect(JSON.stringify(fake.requestsTo('/chat/completions')[0]?.body)).toContain('There is no audio track')
    expect(app.services.summaries.get(assetId)?.transcript).toBeNull()
  })

  it('summarises an audio file from its transcript', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    scriptVideoReplies(fake, 11)
    const { job } = await summarise(app, assetId)
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    const body = JSON.stringify(fake.requestsTo('/chat/completions')[0]?.body)
    expect(body).not.toContain('image_url')
    expect(body).toContain('Get them out of here')
    expect(app.services.summaries.get(assetId)?.frames).toBeNull()
  })

  it('keeps the raw text and says so clearly when the model answers with invalid JSON or refuses', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('video', 'friday.mp4'))
    fake.reply({ segments: SEGMENTS }, { path: '/audio/transcriptions' })
    fake.reply({ text: '{"title": "cut off' }, { path: '/chat/completions' })
    const { job } = await summarise(app, assetId)
    expect(job?.state).toBe('failed')
    expect(job?.error?.code).toBe('AI_BAD_RESPONSE')
    const failed = app.services.summaries.get(assetId)
    expect(failed?.status).toBe('failed')
    expect(failed?.rawText).toBe('{"title": "cut off')

    fake.reply({ refusal: 'I cannot help with that.' }, { path: '/chat/completions' })
    const refused = await summarise(app, assetId)
    expect(refused.job?.error?.code).toBe('AI_REFUSED')
    expect(refused.job?.error?.message).toContain('I cannot help with that.')
    // The transcript was paid for once and kept through both failures.
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
  })

  it('times gpt-4o-transcribe text by its piece, since that model returns no segments', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    fake.reply({ json: summaryJson(11) }, { path: '/chat/completions' })
    const { job } = await summarise(app, assetId, { transcribeModel: 'gpt-4o-transcribe' })
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    const form = fake.requestsTo('/audio/transcriptions')[0]?.form as Record<string, unknown>
    expect(form).toMatchObject({ model: 'gpt-4o-transcribe', response_format: 'json' })
    const segments = app.services.summaries.get(assetId)?.transcript?.segments ?? []
    expect(segments).toHaveLength(1)
    expect(segments[0]?.start).toBe(0)
    expect(segments[0]?.end).toBeCloseTo(11, 0)
  })

  it('stops on cancel, records it, and a later run reuses what was already paid for', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('video', 'friday.mp4'))
    scriptVideoReplies(fake, 6)
    fake.fault({ kind: 'hang' }, { path: '/chat/completions' })
    const { jobId } = await app.services.summaries.start(assetId, { maxFrames: 4 }, false)
    await expect.poll(() => fake.requestsTo('/chat/completions').length, { timeout: 20_000 }).toBe(1)
    app.services.jobs.cancel(jobId!)
    await app.services.jobs.waitForSettled([jobId!])
    expect(app.services.jobs.get(jobId!).state).toBe('cancelled')
    expect(app.services.summaries.get(assetId)).toMatchObject({
      status: 'failed',
      error: { code: 'CANCELLED' }
    })
    const again = await summarise(app, assetId, { maxFrames: 4 })
    expect(again.job?.state).toBe('succeeded')
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
  })

  it('backs off through a 429 storm and says it is waiting for the rate limit', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('video', 'bbb_642x642_768kbps_30fps_vp9.webm'))
    scriptVideoReplies(fake, 3)
    fake.fault({ kind: 'rate_limit', retryAfterMs: 30 }, { path: '/chat/completions', times: 3 })
    const stages: string[] = []
    app.bus.on('job.updated', (job) => job.stage && stages.push(job.stage))
    const { job } = await summarise(app, assetId)
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    expect(stages).toContain('waiting-for-rate-limit')
    expect(fake.requestsTo('/chat/completions')).toHaveLength(4)
    expect(app.services.usage.forJob(job!.id)).toHaveLength(1)
  })
})

describe('long videos', () => {
  it('summarises windows in parallel, keeps finished windows when the provider drops, and resumes without paying twice', async () => {
    const dir = suiteTempDir()
    const file = makeVideo(dir, 'lecture.mp4', {
      durationS: 660,
      cuts: [200, 420],
      width: 160,
      height: 90,
      fps: 5,
      gop: 50,
      audio: true
    })
    const port = await freePort()
    let fake = await fakeOpenAI({ port })
    const app = testApp()
    await addProvider(app, fake.baseURL)
    const assetId = await importOne(app, file)
    scriptVideoReplies(fake, 660)
    // Two of the three windows answer; the third hangs until the server goes away.
    fake.fault({ kind: 'hang' }, { path: '/chat/completions', after: 2 })
    const { jobId } = await app.services.summaries.start(assetId, { maxFrames: 12 }, false)
    await expect.poll(() => fake.requestsTo('/chat/completions').length, { timeout: 20_000 }).toBe(3)
    await fake.close()
    await expect.poll(() => app.services.jobs.get(jobId!).state, { timeout: 20_000 }).toBe('waiting')
    expect(app.services.summaries.get(assetId)?.status).toBe('running')

    fake = await fakeOpenAI({ port })
    scriptVideoReplies(fake, 660)
    await app.services.health.tick()
    await app.services.jobs.waitForSettled([jobId!])
    expect(app.services.jobs.get(jobId!).state).toBe('succeeded')
    // Only the missing window and the merge were asked again; the transcript was not.
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(0)
    expect(fake.requestsTo('/chat/completions')).toHaveLength(2)
    const merge = JSON.stringify(fake.requestsTo('/chat/completions')[1]?.body)
    expect(merge).toContain('summaries of consecutive parts')
    const analysis = app.services.summaries.get(assetId)
    expect(analysis?.status).toBe('complete')
    expect(analysis?.summary?.chapters.at(-1)?.end).toBeCloseTo(660, 0)
    expect(
      app.services.usage
        .forJob(jobId!)
        .map((u) => u.model)
        .sort()
    ).toEqual(['gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini', 'whisper-1'])
  }, 90_000)
})
