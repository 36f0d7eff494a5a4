import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STAGING_GRACE_MS, sweepStaging } from '../../../src/main/server/staging'
import { startWebServer, type WebServer } from '../../../src/main/server/web-server'
import { testApp } from '../../support/app'
import { media, tempDir } from '../../support/temp'

const servers: WebServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

const HOUR = 60 * 60 * 1000

function stagedFolder(stagingDir: string, name: string, ageMs: number, now: number): string {
  const dir = join(stagingDir, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'clip.mp4'), 'bytes')
  const when = new Date(now - ageMs)
  utimesSync(join(dir, 'clip.mp4'), when, when)
  utimesSync(dir, when, when)
  return dir
}

describe('staging clean-up', () => {
  it('removes staged folders older than the grace period and keeps recent ones', async () => {
    const stagingDir = tempDir()
    const now = Date.now()
    const old = stagedFolder(stagingDir, 'old', 25 * HOUR, now)
    const fresh = stagedFolder(stagingDir, 'fresh', 1 * HOUR, now)
    expect(STAGING_GRACE_MS).toBe(24 * HOUR)
    expect(await sweepStaging(stagingDir, () => now)).toEqual([old])
    expect(existsSync(old)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    // The clock decides: a day later the other one goes too.
    expect(await sweepStaging(stagingDir, () => now + 24 * HOUR)).toEqual([fresh])
    expect(await sweepStaging(join(stagingDir, 'missing'), () => now)).toEqual([])
  })

  it('runs when the web server starts', async () => {
    const app = testApp()
    const now = Date.now()
    const old = stagedFolder(app.paths.stagingDir, 'abandoned-upload', 48 * HOUR, now)
    const fresh = stagedFolder(app.paths.stagingDir, 'in-progress', 0, now)
    const server = await startWebServer({ app, rendererDir: tempDir(), port: 0, now: () => now })
    servers.push(server)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
  })

  it('removes an upload once the import that used it finishes, also when it was a duplicate', async () => {
    const app = testApp()
    const server = await startWebServer({ app, rendererDir: tempDir(), port: 0 })
    servers.push(server)
    const bytes = readFileSync(media('image/Portrait_8.jpg'))
    const upload = async () => {
      const res = await fetch(`${server.origin}/upload`, {
        method: 'POST',
        headers: { 'x-framewise-token': server.token, 'x-file-name': 'photo.jpg' },
        body: bytes
      })
      return ((await res.json()) as { data: { path: string } }).data.path
    }
    for (const expected of ['imported', 'duplicates'] as const) {
      const path = await upload()
      expect(existsSync(path)).toBe(true)
      const { jobId } = app.services.library.startImport([path])
      await app.services.jobs.waitForSettled([jobId])
      const report = app.services.jobs.get(jobId)?.result as Record<string, unknown[]>
      expect(report[expected]).toHaveLength(1)
      expect(readdirSync(app.paths.stagingDir)).toEqual([])
    }
  })
})
