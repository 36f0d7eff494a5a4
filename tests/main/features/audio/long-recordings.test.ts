import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { addProvider, fakeOpenAI, freePort } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { makeAudio } from '../../../support/generate-media'
import { suiteTempDir } from '../../../support/temp'

const SCRIPT = [
  'We are go for landing.',
  'Roger, copy.',
  'The eagle has landed.',
  'Houston, Tranquility Base here.'
]

describe('a recording longer than one request takes', () => {
  it('is cut at a silence into pieces, keeps the piece that arrived when another fails, and resumes with only the missing one, without preparing the audio again, through a provider that went away', async () => {
    // 25 minutes: more than the 1,400 s a gpt-4o-transcribe request takes, so two pieces.
    const file = makeAudio(suiteTempDir(), 'mission.mp3', 1500, 10, 1.5)
    const port = await freePort()
    let fake = await fakeOpenAI({ port })
    const app = testApp()
    await addProvider(app, fake.baseURL)
    const imported = await importAndWait(app, [file])
    const assetId = (imported.result as ImportReport).imported[0]!.assetId
    fake.reply({ lines: SCRIPT, lineEveryS: 5 }, { path: '/audio/transcriptions', times: 10 })
    fake.fault({ kind: 'insufficient_quota' }, { path: '/audio/transcriptions', after: 1 })

    const { jobId } = await app.router.call('audio.transcribe', { assetId, options: { model: 'whisper-1' } })
    await app.services.jobs.waitForSettled([jobId!])
    expect(app.services.jobs.get(jobId!)).toMatchObject({
      state: 'failed',
      error: { code: 'AI_QUOTA_EXCEEDED' }
    })
    const partial = await app.router.call('audio.transcript', { assetId })
    expect(partial).toMatchObject({ status: 'partial', piecesTotal: 2, piecesDone: 1 })
    expect(partial?.segments.length).toBeGreaterThan(20)
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(2)

    // The prepared pieces are in the file store: without the original file the resume still works.
    const asset = await app.router.call('library.get', { id: assetId })
    rmSync(app.services.blobs.absolutePath(asset.path))
    fake.fault({ kind: 'hang' }, { path: '/audio/transcriptions' })
    app.services.jobs.retry(jobId!)
    await expect.poll(() => fake.requestsTo('/audio/transcriptions').length, { timeout: 20_000 }).toBe(3)
    await fake.close()
    await expect.poll(() => app.services.jobs.get(jobId!).state, { timeout: 30_000 }).toBe('waiting')

    fake = await fakeOpenAI({ port })
    fake.reply({ lines: SCRIPT, lineEveryS: 5 }, { path: '/audio/transcriptions', times: 10 })
    await app.services.health.tick()
    await app.services.jobs.waitForSettled([jobId!])
    expect(app.services.jobs.get(jobId!).state, JSON.stringify(app.services.jobs.get(jobId!).error)).toBe(
      'succeeded'
    )
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)

    const view = await app.router.call('audio.transcript', { assetId })
    expect(view).toMatchObject({ status: 'complete', piecesTotal: 2, piecesDone: 2 })
    const segments = view?.segments ?? []
    // File time throughout: in order, never backwards, and up to the end of the recording.
    segments.forEach((s, i) => i > 0 && expect(s.start).toBeGreaterThanOrEqual(segments[i - 1]!.start))
    expect(segments.at(-1)?.end).toBeCloseTo(1500, -1)
    const seam = segments.findIndex((s, i) => i > 0 && s.start < segments[i - 1]!.end - 0.01)
    expect(seam).toBe(-1)
    // The cut fell in one of the silences (the first 1.5 s of every 10 s).
    // The cut fell in one of the silences (the first 1.5 s of every 10 s), in the middle of it.
    const prep = app.db.prepare('SELECT pieces_json FROM audio_preps WHERE asset_id = ?').get(assetId) as {
      pieces_json: string
    }
    const cut = (JSON.parse(prep.pieces_json) as { startS: number }[])[1]!.startS
    expect(cut % 10).toBeCloseTo(0.75, 1)
    // The sentence spoken across the cut is one line, not two.
    const across = segments.filter((s) => s.start <= cut && s.end > cut)
    expect(across).toHaveLength(1)
    expect(view?.usage.requests).toBe(2)
    expect(view?.costUsd).toBeCloseTo((1500 / 60) * 0.006, 2)
  }, 120_000)
})
