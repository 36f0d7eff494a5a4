import { describe, expect, it } from 'vitest'
import type { FramewiseApp } from '../../../../src/main/app/create-app'
import { probeMedia } from '../../../../src/main/media/probe'
import { MAX_SPEECH_CHARS } from '../../../../src/main/ai/calls/audio'
import type { SpeakInput } from '../../../../src/shared/domain/audio'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { testApp } from '../../../support/app'

const SENTENCES = [
  'Four score and seven years ago our fathers brought forth on this continent a new nation.',
  'It was conceived in liberty, and dedicated to the proposition that all men are created equal.',
  'Now we are engaged in a great civil war, testing whether that nation can long endure.',
  'We are met on a great battlefield of that war.'
]

/** About `chars` characters of English prose, in sentences. */
function prose(chars: number): string {
  let text = ''
  for (let i = 0; text.length < chars; i += 1) text += `${SENTENCES[i % SENTENCES.length]} `
  return text.slice(0, chars).replace(/\s+\S*$/u, '.')
}

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  return { fake, app }
}

async function speak(app: FramewiseApp, input: SpeakInput) {
  const { jobId, speechId } = await app.router.call('audio.speak', input)
  await app.services.jobs.waitForSettled([jobId])
  return { job: app.services.jobs.get(jobId), speech: await app.router.call('audio.speech', { speechId }) }
}

describe('speech from text of any length', () => {
  it('speaks 10,000 characters in pieces under the limit and joins them into one audio asset as long as its pieces', async () => {
    const { fake, app } = await setup()
    const text = prose(10_000)
    const estimate = await app.router.call('audio.speech.estimate', { text, model: 'tts-1' })
    expect(estimate.pieces).toBeGreaterThanOrEqual(3)
    expect(estimate.costUsd).toBeCloseTo((text.length / 1e6) * 15, 4)

    const { job, speech } = await speak(app, { text, model: 'tts-1', voice: 'alloy' })
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    const inputs = fake.requestsTo('/audio/speech').map((r) => (r.body as { input: string }).input)
    expect(inputs.length).toBe(estimate.pieces)
    expect(Math.max(...inputs.map((i) => i.length))).toBeLessThanOrEqual(MAX_SPEECH_CHARS)
    // Every word is spoken once, in order; the first piece is short so playback starts soon.
    expect(inputs.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '))
    expect(inputs[0]!.length).toBeLessThanOrEqual(600)
    expect(speech).toMatchObject({ status: 'complete', chars: text.length, model: 'tts-1', voice: 'alloy' })
    expect(speech.costUsd).toBeCloseTo(estimate.costUsd, 6)

    const binaries = await app.services.media.binaries()
    const joined = await probeMedia(binaries, app.services.blobs.absolutePath(speech.path!))
    const pieces = speech.pieces.map((p) => p.durationS ?? 0)
    const sum = pieces.reduce((a, b) => a + b, 0)
    const seams = pieces.length - 1
    console.info(
      `speech join: ${pieces.length} pieces, sum ${sum.toFixed(3)} s, joined ${joined.durationS?.toFixed(3)} s, ` +
        `${(((joined.durationS ?? 0) - sum) / seams).toFixed(4)} s per seam`
    )
    expect(Math.abs((joined.durationS ?? 0) - sum)).toBeLessThanOrEqual(0.2 * seams)
    expect(joined.audio).toMatchObject({ codec: 'mp3', channels: 1 })

    const asset = await app.router.call('library.get', { id: speech.assetId! })
    expect(asset).toMatchObject({
      kind: 'audio',
      name: expect.stringMatching(/^Four score and seven years ago.*\.mp3$/)
    })
    expect(await app.router.call('audio.speech.forAsset', { assetId: asset.id })).toMatchObject({
      id: speech.id,
      text
    })
    const found = await app.router.call('library.list', { search: 'battlefield', limit: 5 })
    expect(found.items.map((i) => i.id)).toEqual([asset.id])
    expect((await app.router.call('audio.speeches', {}))[0]?.id).toBe(speech.id)
  })

  it('refuses before sending: no text, a voice the model lacks (naming its voices), instructions tts-1 cannot take', async () => {
    const { fake, app } = await setup()
    await expect(app.router.call('audio.speak', { text: '  \n ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED'
    })
    await expect(
      app.router.call('audio.speak', { text: 'Hello.', model: 'tts-1', voice: 'ballad' })
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('alloy, ash, coral, echo, fable, nova, onyx, sage, shimmer')
    })
    await expect(
      app.router.call('audio.speak', {
        text: 'Hello.',
        model: 'tts-1',
        voice: 'alloy',
        instructions: 'Whisper.'
      })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(app.router.call('audio.speak', { text: 'Hello.', speed: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED'
    })
    expect(fake.requests).toHaveLength(0)
  })

  it('sends gpt-4o-mini-tts its instructions and speed, prices it, and writes every format as a playable file', async () => {
    const { fake, app } = await setup()
    const text = prose(5000)
    for (const format of ['wav', 'flac', 'opus', 'aac', 'pcm'] as const) {
      const { job, speech } = await speak(app, {
        text,
        model: 'gpt-4o-mini-tts',
        voice: 'verse',
        instructions: 'Calm, slow, a little British.',
        speed: 1.25,
        format
      })
      expect(job.state, `${format}: ${JSON.stringify(job.error)}`).toBe('succeeded')
      expect(speech.pieces.length).toBeGreaterThanOrEqual(2)
      const probe = await probeMedia(
        await app.services.media.binaries(),
        app.services.blobs.absolutePath(speech.path!)
      )
      const sum = speech.pieces.reduce((a, p) => a + (p.durationS ?? 0), 0)
      expect(Math.abs((probe.durationS ?? 0) - sum), format).toBeLessThanOrEqual(
        0.2 * (speech.pieces.length - 1)
      )
      expect(speech.costUsd).toBeGreaterThan(0)
    }
    const body = fake.requestsTo('/audio/speech').at(-1)?.body as Record<string, unknown>
    // Raw PCM is asked for as WAV (same samples, with a header), so pieces play and can be joined.
    expect(body).toMatchObject({
      model: 'gpt-4o-mini-tts',
      voice: 'verse',
      speed: 1.25,
      response_format: 'wav'
    })
    expect(body.instructions).toBe('Calm, slow, a little British.')
  })

  it('keeps the pieces that arrived when one fails, and asks only for the missing ones when tried again', async () => {
    const { fake, app } = await setup()
    const text = prose(9000)
    fake.fault({ kind: 'insufficient_quota' }, { path: '/audio/speech', after: 1 })
    const first = await speak(app, { text, model: 'tts-1-hd', voice: 'nova' })
    expect(first.job).toMatchObject({ state: 'failed', error: { code: 'AI_QUOTA_EXCEEDED' } })
    expect(first.speech.status).toBe('failed')
    const arrived = first.speech.pieces.filter((p) => p.path !== null)
    expect(arrived.length).toBeGreaterThan(0)
    expect(arrived.length).toBeLessThan(first.speech.pieces.length)
    const sent = fake.requestsTo('/audio/speech').length

    app.services.jobs.retry(first.job.id)
    await app.services.jobs.waitForSettled([first.job.id])
    expect(app.services.jobs.get(first.job.id).state).toBe('succeeded')
    expect(fake.requestsTo('/audio/speech').length - sent).toBe(first.speech.pieces.length - arrived.length)
    const done = await app.router.call('audio.speech', { speechId: first.speech.id })
    expect(done).toMatchObject({ status: 'complete' })
    expect(done.assetId).not.toBeNull()
  })
})
