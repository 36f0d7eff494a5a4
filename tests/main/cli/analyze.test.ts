import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { runTs } from '../../support/spawn'
import { media, tempDir } from '../../support/temp'
import { scriptVideoReplies } from '../../support/video-summary'

const CLI = 'src/main/cli/main.ts'

interface AnalyzeDoc {
  assetId: string
  kind: string
  durationS: number
  frames: { t: number; path: string }[]
  transcript: { language: string | null; segments: { start: number; end: number; text: string }[] } | null
  summary: { title: string; chapters: { start: number; end: number; title: string }[] }
  usage: { inputTokens: number; cachedTokens: number; outputTokens: number; costUsd: number }
  model: string
  provider: string
  cached: boolean
}

async function setup() {
  const fake = await fakeOpenAI()
  scriptVideoReplies(fake, 10, 100)
  const env = { FRAMEWISE_DATA_DIR: tempDir(), OPENAI_API_KEY: 'sk-cli-test', OPENAI_BASE_URL: fake.baseURL }
  return { fake, env }
}

describe('framewise analyze', () => {
  it.each(readdirSync(media('video')).filter((name) => /\.(mp4|webm|mkv|mov|avi)$/i.test(name)))(
    'summarises %s against the fake server',
    async (name) => {
      const { fake, env } = await setup()
      const result = await runTs(CLI, ['analyze', media('video', name), '--max-frames', '6', '--json'], env)
      expect(result.code, result.stderr).toBe(0)
      const doc = JSON.parse(result.stdout) as AnalyzeDoc
      expect(doc).toMatchObject({
        kind: 'video',
        model: 'gpt-4o-mini',
        cached: false,
        summary: { title: 'The battle on the bridge' }
      })
      expect(doc.frames.length).toBeGreaterThan(0)
      expect(doc.frames.length).toBeLessThanOrEqual(6)
      expect(doc.summary.chapters.at(-1)?.end).toBeCloseTo(doc.durationS, 1)
      expect(doc.usage.costUsd).toBeGreaterThan(0)
      const hasAudio = !name.startsWith('bbb')
      expect(doc.transcript !== null).toBe(hasAudio)
      // flower.mp4's sound track is digital silence: it is not sent, so not paid for.
      const spoken = hasAudio && name !== 'flower.mp4'
      expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(spoken ? 1 : 0)
      expect(result.stderr).toContain('summarising…')
    },
    60_000
  )

  it('answers a second run from the library, estimates without calling a model, and summarises audio from its transcript', async () => {
    const { fake, env } = await setup()
    const file = media('audio', 'jfk.flac')
    const first = JSON.parse((await runTs(CLI, ['analyze', file, '--json'], env)).stdout) as AnalyzeDoc
    expect(first).toMatchObject({ kind: 'audio', frames: [], cached: false })
    expect(first.transcript?.segments.length).toBeGreaterThan(0)
    const calls = fake.requests.length
    const second = JSON.parse((await runTs(CLI, ['analyze', file, '--json'], env)).stdout) as AnalyzeDoc
    expect(second).toMatchObject({ cached: true, summary: first.summary })
    const estimate = await runTs(CLI, ['analyze', media('video', 'friday.mp4'), '--estimate', '--json'], env)
    expect(estimate.code, estimate.stderr).toBe(0)
    const doc = JSON.parse(estimate.stdout) as {
      estimate: { frames: number; promptTokens: number; costUsd: number }
    }
    expect(doc.estimate.frames).toBe(32)
    expect(doc.estimate.costUsd).toBeGreaterThan(0)
    expect(fake.requests.length).toBe(calls)
  }, 60_000)

  it('gives a clear error for a corrupt video, pays for nothing and stores no half results', async () => {
    const { fake, env } = await setup()
    const result = await runTs(CLI, ['analyze', media('bad', 'invalid-bitstream.webm'), '--json'], env)
    expect(result.code).toBe(1)
    const error = (JSON.parse(result.stdout) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('MEDIA_CORRUPT')
    expect(error.message).toContain('damaged')
    expect(fake.requests).toHaveLength(0)
    const db = new Database(join(env.FRAMEWISE_DATA_DIR, 'library.db'), { readonly: true })
    try {
      expect(db.prepare('SELECT status FROM analyses').all()).toEqual([{ status: 'failed' }])
      expect(db.prepare('SELECT COUNT(*) AS n FROM frame_sets').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT COUNT(*) AS n FROM transcripts').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
    const text = await runTs(CLI, ['analyze', media('bad', 'no-such-file.mp4')], env)
    expect(text.code).toBe(1)
    expect(text.stderr).toMatch(/^Error \(/)
  }, 60_000)
})
