import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { TRANSCRIBE_JOB } from '../../../../src/shared/domain/audio'
import type { FramewiseApp } from '../../../../src/main/app/create-app'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { media } from '../../../support/temp'

const JFK = [
  { start: 0, end: 4.1, text: 'And so, my fellow Americans,' },
  { start: 4.1, end: 7.9, text: 'ask not what your country can do for you,' },
  { start: 7.9, end: 11, text: 'ask what you can do for your country.' }
]

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  return { fake, app }
}

async function importOne(app: FramewiseApp, file: string): Promise<string> {
  const job = await importAndWait(app, [file])
  const report = job.result as ImportReport
  const assetId = report.imported[0]?.assetId ?? report.duplicates[0]?.assetId
  if (!assetId) throw new Error(`import failed: ${JSON.stringify(report)}`)
  return assetId
}

async function transcribe(app: FramewiseApp, assetId: string, options = {}, force = false) {
  const started = await app.router.call('audio.transcribe', { assetId, options, force })
  if (started.jobId) await app.services.jobs.waitForSettled([started.jobId])
  const job = started.jobId ? app.services.jobs.get(started.jobId) : null
  return { ...started, job, view: await app.router.call('audio.transcript', { assetId }) }
}

describe('transcription on its own', () => {
  it('estimates before anything is sent, transcribes with segment and word times, and answers again from the library', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    const estimate = await app.router.call('audio.estimate', { assetId, options: { model: 'whisper-1' } })
    expect(estimate).toMatchObject({ model: 'whisper-1', pieces: 1, cached: false })
    expect(estimate.costUsd).toBeCloseTo((estimate.durationS / 60) * 0.006, 6)
    expect(fake.requests).toHaveLength(0)

    fake.reply({ segments: JFK, language: 'english' }, { path: '/audio/transcriptions' })
    const stages: string[] = []
    app.bus.on(
      'job.updated',
      (j) => j.kind === TRANSCRIBE_JOB && j.stage && !stages.includes(j.stage) && stages.push(j.stage)
    )
    const { job, view } = await transcribe(app, assetId, {
      model: 'whisper-1',
      timestamps: 'word',
      prompt: 'JFK'
    })
    expect(job?.state, JSON.stringify(job?.error)).toBe('succeeded')
    expect(stages).toEqual(['preparing-audio', 'transcribing'])
    expect(view).toMatchObject({
      status: 'complete',
      model: 'whisper-1',
      language: 'english',
      piecesDone: 1,
      silent: false
    })
    expect(view?.segments.map((s) => s.text)).toEqual(JFK.map((s) => s.text))
    expect(view?.words.length).toBeGreaterThan(15)
    expect(view?.words[0]).toMatchObject({ word: 'And', start: 0 })
    expect(view?.costUsd).toBeGreaterThan(0)
    expect(view?.usage).toMatchObject({ requests: 1 })
    const form = fake.requestsTo('/audio/transcriptions')[0]?.form as Record<string, unknown>
    expect(form).toMatchObject({ model: 'whisper-1', response_format: 'verbose_json', prompt: 'JFK' })
    expect([form['timestamp_granularities[]']].flat()).toEqual(['segment', 'word'])
    // The piece was sent as 16 kHz mono Opus, not the 1 MB FLAC.
    expect((form.file as { size: number }).size).toBeLessThan(60_000)

    const again = await transcribe(app, assetId, { model: 'whisper-1', timestamps: 'word', prompt: 'JFK' })
    expect(again).toMatchObject({ jobId: null, cached: true, transcriptId: view?.id })
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
    expect(
      await app.router.call('audio.estimate', {
        assetId,
        options: { model: 'whisper-1', timestamps: 'word', prompt: 'JFK' }
      })
    ).toMatchObject({ cached: true, costUsd: 0 })
  })

  it('makes transcripts searchable from the Library, edits kept apart from the model’s text, speakers renamed, five exports', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    fake.reply({ segments: JFK, speakers: ['A', 'B'] }, { path: '/audio/transcriptions' })
    const { view } = await transcribe(app, assetId, { model: 'gpt-4o-transcribe-diarize', prompt: 'ignored' })
    const form = fake.requestsTo('/audio/transcriptions')[0]?.form as Record<string, unknown>
    expect(form).toMatchObject({ response_format: 'diarized_json', chunking_strategy: 'auto' })
    expect(form).not.toHaveProperty('prompt')
    expect(view?.segments.map((s) => s.speaker)).toEqual(['A', 'B', 'A'])

    const found = await app.router.call('library.list', { search: 'countrymen fellow', limit: 10 })
    expect(found.items).toHaveLength(0)
    const hit = await app.router.call('library.list', { search: 'fellow Americans', limit: 10 })
    expect(hit.items.map((i) => [i.id, i.match?.field])).toEqual([[assetId, 'text']])

    const edited = await app.router.call('audio.transcript.update', {
      transcriptId: view!.id,
      edits: [{ index: 0, text: 'And so, my fellow citizens,' }],
      speakers: { A: 'President Kennedy' }
    })
    expect(edited.edits).toEqual({ '0': 'And so, my fellow citizens,' })
    expect(edited.segments[0]?.text).toBe('And so, my fellow Americans,')
    expect((await app.router.call('library.list', { search: 'citizens', limit: 5 })).items).toHaveLength(1)
    expect((await app.router.call('library.list', { search: 'Kennedy', limit: 5 })).items).toHaveLength(1)

    const exported = async (format: 'txt' | 'srt' | 'vtt' | 'md' | 'json', original = false) =>
      (await app.router.call('audio.transcript.export', { transcriptId: view!.id, format, original })).content
    const srt = await exported('srt')
    expect(srt).toMatch(
      /^1\n00:00:00,000 --> 00:00:04,100\nPresident Kennedy: And so, my fellow citizens,\n\n2\n/
    )
    expect(srt.trim().split('\n\n')).toHaveLength(3)
    expect(await exported('srt', true)).toContain('A: And so, my fellow Americans,')
    expect(await exported('vtt')).toContain(
      'WEBVTT\n\n00:00:00.000 --> 00:00:04.100\n<v President Kennedy>And so'
    )
    expect(await exported('txt')).toContain('[00:04] B: ask not what your country')
    expect(await exported('md')).toContain('**[00:07]** **President Kennedy:** ask what you can do')
    const json = JSON.parse(await exported('json')) as { edited: boolean; segments: { speaker: string }[] }
    expect(json.edited).toBe(true)
    expect(json.segments[0]?.speaker).toBe('President Kennedy')

    const reverted = await app.router.call('audio.transcript.update', {
      transcriptId: view!.id,
      edits: [{ index: 0, text: null }],
      speakers: { A: '' }
    })
    expect(reverted).toMatchObject({ edits: {}, speakers: {} })
  })

  it('times gpt-4o-transcribe text by sentence within the sound and prices its tokens', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    fake.reply(
      {
        lines: ['And so, my fellow Americans.', 'Ask not what your country can do for you.'],
        lineEveryS: 30
      },
      { path: '/audio/transcriptions' }
    )
    const { view } = await transcribe(app, assetId, { model: 'gpt-4o-transcribe', language: 'en' })
    expect(fake.requestsTo('/audio/transcriptions')[0]?.form).toMatchObject({
      response_format: 'json',
      language: 'en'
    })
    expect(view?.segments.map((s) => s.text)).toEqual(['And so, my fellow Americans.'])
    expect(view?.segments[0]?.end).toBeCloseTo(view?.durationS ?? 0, 0)
    expect(view?.usage.inputTokens).toBeGreaterThan(50)
    expect(view?.costUsd).toBeGreaterThan(0)
    expect(view?.language).toBe('en')
  })

  it('refuses a video without sound and an image, and gives a silent recording an empty transcript without sending anything', async () => {
    const { fake, app } = await setup()
    const silentVideo = await importOne(app, media('video', 'bbb_642x642_768kbps_30fps_vp9.webm'))
    await expect(app.router.call('audio.transcribe', { assetId: silentVideo })).rejects.toMatchObject({
      code: 'MEDIA_NO_AUDIO'
    })
    const image = await importOne(app, media('image', 'blackbug.png'))
    await expect(app.router.call('audio.estimate', { assetId: image })).rejects.toMatchObject({
      code: 'MEDIA_NO_AUDIO'
    })
    // flower.mp4's sound track is digital silence.
    const quiet = await importOne(app, media('video', 'flower.mp4'))
    const { job, view } = await transcribe(app, quiet)
    expect(job?.state).toBe('succeeded')
    expect(view).toMatchObject({
      status: 'complete',
      silent: true,
      segments: [],
      costUsd: 0,
      usage: { requests: 0 }
    })
    expect(fake.requests).toHaveLength(0)
  })

  it('stops on cancel and keeps nothing half-done', async () => {
    const { fake, app } = await setup()
    const assetId = await importOne(app, media('audio', 'jfk.flac'))
    fake.fault({ kind: 'hang' }, { path: '/audio/transcriptions' })
    const { jobId } = await app.router.call('audio.transcribe', { assetId })
    await expect.poll(() => fake.requestsTo('/audio/transcriptions').length, { timeout: 20_000 }).toBe(1)
    app.services.jobs.cancel(jobId!)
    await app.services.jobs.waitForSettled([jobId!])
    expect(app.services.jobs.get(jobId!).state).toBe('cancelled')
    expect(await app.router.call('audio.transcript', { assetId })).toMatchObject({
      status: 'partial',
      piecesDone: 0
    })
    const again = await transcribe(app, assetId)
    expect(again.view).toMatchObject({ status: 'complete', piecesDone: 1 })
  })
})
