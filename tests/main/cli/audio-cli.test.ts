import { spawnSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { runTs } from '../../support/spawn'
import { media, tempDir } from '../../support/temp'

const CLI = 'src/main/cli/main.ts'
const SRT_CUE = /^\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n.+$/su

async function setup() {
  const fake = await fakeOpenAI()
  const env = { FRAMEWISE_DATA_DIR: tempDir(), OPENAI_API_KEY: 'sk-cli-audio', OPENAI_BASE_URL: fake.baseURL }
  return { fake, env }
}

function ffprobeSeconds(file: string): number {
  const out = spawnSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
    {
      encoding: 'utf8'
    }
  )
  return Number(out.stdout.trim())
}

describe('framewise transcribe', () => {
  it('prints valid SRT, then one JSON document from the library without paying again', async () => {
    const { fake, env } = await setup()
    fake.reply(
      {
        segments: [
          { start: 0, end: 4.1, text: 'And so, my fellow Americans,' },
          { start: 4.1, end: 11, text: 'ask not what your country can do for you.' }
        ]
      },
      { path: '/audio/transcriptions' }
    )
    const srt = await runTs(CLI, ['transcribe', media('audio', 'jfk.flac'), '--format', 'srt'], env)
    expect(srt.code, srt.stderr).toBe(0)
    const cues = srt.stdout.trim().split('\n\n')
    expect(cues).toHaveLength(2)
    for (const cue of cues) expect(cue).toMatch(SRT_CUE)
    expect(cues[1]).toBe('2\n00:00:04,100 --> 00:00:11,000\nask not what your country can do for you.')
    expect(srt.stderr).toContain('transcribing')

    const json = await runTs(CLI, ['transcribe', media('audio', 'jfk.flac'), '--json'], env)
    expect(json.code, json.stderr).toBe(0)
    const doc = JSON.parse(json.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      model: 'whisper-1',
      pieces: 1,
      cached: true,
      text: 'And so, my fellow Americans, ask not what your country can do for you.',
      segments: [
        { start: 0, end: 4.1, text: 'And so, my fellow Americans,' },
        { start: 4.1, end: 11, text: 'ask not what your country can do for you.' }
      ],
      usage: { requests: 1 }
    })
    expect(doc.durationS).toBeCloseTo(11, 0)
    expect(doc.costUsd).toBeGreaterThan(0)
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
  }, 60_000)

  it('estimates without calling a model, writes word times and speakers to a file, and explains bad input', async () => {
    const { fake, env } = await setup()
    const file = media('audio', '198-209-0000.ogg')
    const estimate = await runTs(
      CLI,
      ['transcribe', file, '--model', 'gpt-4o-transcribe', '--estimate', '--json'],
      env
    )
    expect(estimate.code, estimate.stderr).toBe(0)
    expect(JSON.parse(estimate.stdout)).toMatchObject({
      estimate: { model: 'gpt-4o-transcribe', pieces: 1, cached: false }
    })
    expect(fake.requests).toHaveLength(0)

    const out = join(tempDir(), 'words.json')
    const words = await runTs(
      CLI,
      ['transcribe', file, '--timestamps', 'word', '--format', 'json', '--out', out, '--json'],
      env
    )
    expect(words.code, words.stderr).toBe(0)
    expect((JSON.parse(words.stdout) as { words: unknown[] }).words.length).toBeGreaterThan(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('segments')

    const diarized = await runTs(
      CLI,
      ['transcribe', file, '--model', 'gpt-4o-transcribe-diarize', '--json'],
      env
    )
    expect((JSON.parse(diarized.stdout) as { segments: { speaker?: string }[] }).segments[0]?.speaker).toBe(
      'A'
    )

    const noSound = await runTs(
      CLI,
      ['transcribe', media('video', 'bbb_642x642_768kbps_30fps_vp9.webm'), '--json'],
      env
    )
    expect(noSound.code).toBe(1)
    expect(JSON.parse(noSound.stdout)).toMatchObject({ error: { code: 'MEDIA_NO_AUDIO' } })
    // An audiobook cut off after its index: it imports, but no sound decodes.
    const corrupt = media('bad', 'large_stbl_truncated_after_moov.m4b')
    const bad = await runTs(CLI, ['transcribe', corrupt, '--json'], env)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'MEDIA_CORRUPT' } })
  }, 90_000)
})

describe('framewise speak', () => {
  it('speaks 10,000 characters from a file in pieces and reports one file whose length is the sum of the pieces', async () => {
    const { fake, env } = await setup()
    const sentence = 'The quick brown fox jumps over the lazy dog, and the dog does not mind at all. '
    const text = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000)
    const file = join(tempDir(), 'long.txt')
    writeFileSync(file, text)
    const result = await runTs(
      CLI,
      ['speak', '--file', file, '--voice', 'onyx', '--model', 'tts-1', '--json'],
      env
    )
    expect(result.code, result.stderr).toBe(0)
    const doc = JSON.parse(result.stdout) as {
      assetId: string
      path: string
      format: string
      durationS: number
      pieces: number
      chars: number
      model: string
      voice: string
      costUsd: number
    }
    expect(doc).toMatchObject({ format: 'mp3', chars: 10_000, model: 'tts-1', voice: 'onyx' })
    expect(doc.pieces).toBeGreaterThanOrEqual(3)
    const pieces = fake.requestsTo('/audio/speech').map((r) => (r.body as { input: string }).input.length)
    expect(pieces).toHaveLength(doc.pieces)
    // The fake speaks 15 characters a second: each piece lasts its length / 15.
    const expected = pieces.reduce((sum, chars) => sum + chars / 15, 0)
    const measured = ffprobeSeconds(doc.path)
    expect(Math.abs(measured - expected)).toBeLessThanOrEqual(0.2 * (doc.pieces - 1))
    expect(Math.abs(doc.durationS - measured)).toBeLessThan(0.1)
    expect(doc.costUsd).toBeCloseTo((10_000 / 1e6) * 15, 3)
  }, 90_000)

  it('writes raw PCM to --out, and refuses empty text and a voice the model lacks', async () => {
    const { fake, env } = await setup()
    const out = join(tempDir(), 'hello.pcm')
    const pcm = await runTs(
      CLI,
      ['speak', 'Hello there, this is a short test.', '--format', 'pcm', '--out', out, '--json'],
      env
    )
    expect(pcm.code, pcm.stderr).toBe(0)
    const doc = JSON.parse(pcm.stdout) as { path: string; durationS: number }
    expect(doc.path).toBe(out)
    // 24 kHz mono 16-bit samples, no header.
    expect(statSync(out).size / 48_000).toBeCloseTo(doc.durationS, 1)
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).not.toBe('RIFF')

    const empty = await runTs(CLI, ['speak', '   ', '--json'], env)
    expect(empty.code).toBe(2)
    expect(JSON.parse(empty.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    const voice = await runTs(CLI, ['speak', 'Hello.', '--model', 'tts-1', '--voice', 'marin', '--json'], env)
    expect(voice.code).toBe(1)
    expect(JSON.parse(voice.stdout)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Its voices: alloy') }
    })
    expect(fake.requestsTo('/audio/speech')).toHaveLength(1)
  }, 60_000)
})
