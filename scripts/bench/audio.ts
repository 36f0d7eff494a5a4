// Transcription throughput against file length, and speech join seams (npm run bench:audio).
//
// Runs the whole core against the local fake server (no network): speech-like recordings of growing
// length are made with ffmpeg, imported, prepared (16 kHz mono Opus, cut at silences) and sent in
// pieces; the fake answers each piece at once, so the figures are Framewise's own work (preparation,
// upload, merging), not a provider's. Then texts of growing length are spoken and joined, and the
// joined file's decoded length is compared with the sum of its pieces.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/main/app/create-app'
import { decodedSeconds } from '../../src/main/media/audio/audio-join'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import type { ImportReport } from '../../src/shared/domain/asset'
import { startFakeOpenAI } from '../../tests/support/fake-openai/server'

const LENGTHS_S = [60, 600, 1800, 3600]
const TEXTS = [2_000, 10_000, 40_000]

/** Bursts of tone with a 1.5 s pause every 10 s, as speech has pauses between sentences. */
function recording(dir: string, seconds: number): string {
  const file = join(dir, `talk-${seconds}.mp3`)
  const expr = `0.3*sin(2*PI*300*t)*gt(mod(t\\,10)\\,1.5)`
  const made = spawnSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=${expr}:s=44100:d=${seconds}`,
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    file
  ])
  if (made.status !== 0) throw new Error(made.stderr.toString())
  return file
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'framewise-bench-audio-'))
  const fake = await startFakeOpenAI()
  const app = createApp({
    dataDir: join(dir, 'library'),
    version: 'bench',
    secretStore: new MemorySecretStore(),
    strict: false
  })
  try {
    await app.services.providers.save(null, {
      kind: 'openai',
      name: 'Fake',
      baseURL: fake.baseURL,
      apiKey: 'sk-bench'
    })
    console.log('Transcription (whisper-1, fake provider answering at once)')
    console.log('  length    pieces   prepare+send    × realtime')
    for (const seconds of LENGTHS_S) {
      const file = recording(dir, seconds)
      const { jobId } = app.services.library.startImport([file])
      await app.services.jobs.waitForSettled([jobId])
      const assetId = (app.services.jobs.get(jobId).result as ImportReport).imported[0]!.assetId
      fake.reply(
        { lines: ['We are go for landing.', 'Roger, copy.'], lineEveryS: 5 },
        { path: '/audio/transcriptions', times: 50 }
      )
      const started = performance.now()
      const run = await app.router.call('audio.transcribe', { assetId, options: { model: 'whisper-1' } })
      await app.services.jobs.waitForSettled([run.jobId!])
      const ms = performance.now() - started
      const view = await app.router.call('audio.transcript', { assetId })
      console.log(
        `  ${String(seconds).padStart(5)} s  ${String(view?.piecesTotal).padStart(6)}   ${(ms / 1000).toFixed(2).padStart(9)} s   ${(seconds / (ms / 1000)).toFixed(0).padStart(8)}×`
      )
    }
    console.log('\nSpeech (tts-1, mp3; the fake speaks 15 characters a second)')
    console.log('  chars   pieces   sum of pieces   joined (decoded)   per seam')
    for (const chars of TEXTS) {
      const sentence = 'The quick brown fox jumps over the lazy dog, and the dog does not mind. '
      const text = sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars)
      const { jobId, speechId } = await app.router.call('audio.speak', {
        text,
        model: 'tts-1',
        voice: 'alloy'
      })
      await app.services.jobs.waitForSettled([jobId])
      const speech = await app.router.call('audio.speech', { speechId })
      const sum = speech.pieces.reduce((total, p) => total + (p.durationS ?? 0), 0)
      const joined = await decodedSeconds(
        await app.services.media.binaries(),
        app.services.blobs.absolutePath(speech.path!)
      )
      const seams = Math.max(1, speech.pieces.length - 1)
      console.log(
        `  ${String(chars).padStart(5)}   ${String(speech.pieces.length).padStart(6)}   ${sum.toFixed(3).padStart(11)} s   ${joined.toFixed(3).padStart(14)} s   ${((joined - sum) / seams).toFixed(4).padStart(7)} s`
      )
    }
  } finally {
    await app.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
