import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
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
    expect(report.imported.length).toBe(7)
    expect(report.failed.map((f) => f.code)).toEqual(['MEDIA_UNSUPPORTED'])
    expect(report.assets.every((a) => existsSync(a.thumbnailFile))).toBe(true)
    expect(imported.stderr).toContain('[library.import]')

    const listed = await cli(['library', '--json', '--kind', 'image', '--search', 'portrait'], dataDir)
    const page = JSON.parse(listed.stdout) as { total: number; items: { name: string; file: string }[] }
    expect(page.total).toBe(2)
    expect(page.items.every((item) => existsSync(item.file))).toBe(true)

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

  it('exits 2 on usage errors', async () => {
    expect((await cli(['library', '--kind', 'poster'])).code).toBe(2)
    expect((await cli(['explode'])).code).toBe(2)
    expect((await cli(['import'])).code).toBe(2)
  })
})
