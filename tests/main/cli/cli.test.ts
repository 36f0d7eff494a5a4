import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fakeOpenAI } from '../../support/ai'
import { runTs } from '../../support/spawn'
import { media, tempDir } from '../../support/temp'

const CLI = 'src/main/cli/main.ts'

function cli(args: string[], dataDir = tempDir()) {
  return runTs(CLI, args, { FRAMEWISE_DATA_DIR: dataDir })
}

describe('framewise CLI', () => {
  it('doctor --json prints exactly one JSON document with tool versions', async () => {
    const result = await cli(['doctor', '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      ffmpeg: { ok: boolean; version: string }
      sqlite: { fts5Trigram: boolean }
    }
    expect(report.ffmpeg.ok).toBe(true)
    expect(report.ffmpeg.version).toMatch(/\d/)
    expect(report.sqlite.fts5Trigram).toBe(true)
  })

  it('imports a folder, waits for thumbnails, then lists and searches the library', async () => {
    const dataDir = tempDir()
    const imported = await runTs(CLI, ['--data-dir', dataDir, 'import', media('image'), '--json'], {})
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.stdout) as {
      imported: unknown[]
      failed: { code: string }[]
      assets: { thumbnailFile: string }[]
    }
    // All 8, the HEIC photo (HEVC inside HEIF) included since libheif decodes it.
    expect(report.imported.length).toBe(8)
    expect(report.failed).toEqual([])
    expect(report.assets.every((a) => existsSync(a.thumbnailFile))).toBe(true)
    expect(imported.stderr).toContain('[library.import]')

    const listed = await cli(['library', '--json', '--kind', 'image', '--search', 'portrait'], dataDir)
    const page = JSON.parse(listed.stdout) as { total: number; items: { name: string; file: string }[] }
    expect(page).toMatchObject({ total: 2, totalIsLowerBound: false, nextCursor: null })
    expect(page.items.every((item) => existsSync(item.file))).toBe(true)

    // Pages continue by cursor: every image once.
    type Page = { items: { name: string }[]; nextCursor: string | null }
    const first = JSON.parse((await cli(['library', '--json', '--limit', '4'], dataDir)).stdout) as Page
    expect(first.nextCursor).toEqual(expect.any(String))
    const rest = await cli(['library', '--json', '--limit', '4', '--cursor', first.nextCursor ?? ''], dataDir)
    const second = JSON.parse(rest.stdout) as Page
    expect(second.nextCursor).toBeNull()
    const names = [...first.items, ...second.items].map((item) => item.name)
    expect(new Set(names).size).toBe(8)

    const jobs = JSON.parse((await cli(['jobs', '--json'], dataDir)).stdout) as { jobs: { state: string }[] }
    expect(jobs.jobs.every((job) => job.state === 'succeeded')).toBe(true)
  })

  it('exits 1 with an error document when nothing could be imported', async () => {
    const result = await cli(['import', media('bad/corrupt-header.jpg'), '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'MEDIA_CORRUPT', message: expect.stringContaining('corrupt-header.jpg') }
    })
  })

  it('probes a file and selects keyframes with the documented JSON shape', async () => {
    const dataDir = tempDir()
    const probe = await cli(['probe', media('video/portrait_4k60.mp4'), '--json'], dataDir)
    expect(JSON.parse(probe.stdout)).toMatchObject({
      video: { rotation: 90, displayWidth: 2160 },
      keyframes: { count: 1 }
    })
    const run = await cli(['keyframes', media('video/flower.mp4'), '--max', '5', '--json'], dataDir)
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout) as {
      durationS: number
      strategy: string
      elapsedMs: number
      frames: { t: number; path: string; width: number; height: number }[]
    }
    expect(doc.durationS).toBeCloseTo(5.06, 1)
    expect(typeof doc.strategy).toBe('string')
    expect(doc.frames.length).toBeGreaterThan(0)
    expect(doc.frames.length).toBeLessThanOrEqual(5)
    expect(doc.frames.every((f) => existsSync(f.path) && f.width === 960)).toBe(true)
    const audio = await cli(['keyframes', media('audio/jfk.flac'), '--json'], dataDir)
    expect(audio.code).toBe(1)
    expect(JSON.parse(audio.stdout).error.code).toBe('MEDIA_NO_VIDEO')
  })

  it('asks a model through --base-url with OPENAI_API_KEY, then reports providers and usage', async () => {
    const fake = await fakeOpenAI()
    const dataDir = tempDir()
    const env = { FRAMEWISE_DATA_DIR: dataDir, OPENAI_API_KEY: 'sk-cli-test' }
    const result = await runTs(CLI, ['ask', 'hi', '--base-url', fake.baseURL, '--json'], env)
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      text: expect.any(String),
      usage: { inputTokens: 11, cachedTokens: 0, outputTokens: 9, reasoningTokens: 0 },
      model: 'gpt-4o-mini',
      requestId: 'req_fake_000001'
    })
    expect(doc.costUsd).toBeGreaterThan(0)
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-cli-test')
    const usage = JSON.parse((await runTs(CLI, ['usage', '--json'], env)).stdout) as {
      totals: { calls: number }
    }
    expect(usage.totals.calls).toBe(1)
    const providers = JSON.parse((await runTs(CLI, ['providers', '--json'], env)).stdout) as {
      providers: { id: string; keySource: string }[]
    }
    expect(providers.providers[0]).toMatchObject({ id: 'env', keySource: 'env' })
    expect(JSON.stringify(providers)).not.toContain('sk-cli-test')
  })

  it('exits 2 on usage errors', async () => {
    expect((await cli(['library', '--kind', 'poster'])).code).toBe(2)
    expect((await cli(['explode'])).code).toBe(2)
    expect((await cli(['import'])).code).toBe(2)
  })
})
