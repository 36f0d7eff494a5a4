import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { isProcessAlive } from '../../../src/main/jobs/job-owner'
import { sweepScratch } from '../../../src/main/platform/scratch'
import { STRAY_GRACE_MS } from '../../../src/main/store/blob-store'
import { testApp } from '../../support/app'
import { spawnTs } from '../../support/spawn'
import { tempDir } from '../../support/temp'

async function makeImages(dir: string, count: number): Promise<string[]> {
  const files: string[] = []
  for (let i = 0; i < count; i += 1) {
    const file = join(dir, `photo-${String(i).padStart(3, '0')}.png`)
    const channels = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 }
    await sharp({ create: { width: 900, height: 700, channels: 3, background: channels } })
      .png()
      .toFile(file)
    files.push(file)
  }
  return files
}

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

describe('crash recovery', () => {
  it('after kill -9 mid-import, shows no half-written rows or files and runs the import again', async () => {
    const sourceDir = tempDir()
    const dataDir = tempDir('framewise-crash-')
    const images = await makeImages(sourceDir, 60)
    const child = spawnTs('tests/support/child-import.ts', [dataDir, sourceDir])
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('progress')) resolve()
      })
      child.on('exit', () => reject(new Error('child exited before importing anything')))
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    const app = testApp({ dataDir, housekeeping: true }) // the app: it takes over what a dead process left
    const beforeResume = app.services.library.list({ limit: 500, offset: 0 })
    expect(beforeResume.total).toBeLessThan(images.length)
    for (const asset of beforeResume.items)
      expect(existsSync(app.services.blobs.absolutePath(asset.path))).toBe(true)
    // The killed process's scratch folder stays until it is old enough (a slow process is not a dead
    // one); once it is, only it goes, never the folder of a process that is alive.
    expect(readdirSync(app.paths.tmpDir)).toHaveLength(2)
    expect(sweepScratch(app.paths.tmpDir, { graceMs: 0, isAlive: isProcessAlive })).toBe(1)
    expect(readdirSync(app.paths.tmpDir)).toHaveLength(1)
    // Files the killed process wrote but never recorded are invisible, and garbage collection removes
    // them once they are older than its grace period (here: pretending that time has passed).
    await app.services.blobs.collectGarbage({ now: Date.now() + STRAY_GRACE_MS + 60_000 })
    const known = new Set(
      (app.db.prepare('SELECT rel_path AS p FROM blobs').all() as { p: string }[]).map((r) => r.p)
    )
    expect(filesUnder(app.paths.blobsDir).filter((file) => !known.has(file))).toEqual([])

    const [importJob] = app.services.jobs.list({ limit: 100 }).filter((job) => job.kind === 'library.import')
    expect(importJob?.attempts).toBeGreaterThanOrEqual(1)
    await app.services.jobs.waitForSettled([importJob?.id as string])
    expect(app.services.jobs.get(importJob?.id as string)).toMatchObject({ state: 'succeeded', attempts: 2 })
    const after = app.services.library.list({ limit: 500, offset: 0 })
    expect(after.total).toBe(images.length)
    expect(after.items.every((asset) => asset.thumb.state === 'ready')).toBe(true)
  })
})
