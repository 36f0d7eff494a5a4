import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importAndWait, testApp } from '../../../support/app'
import { media } from '../../../support/temp'

describe('keyframes for library videos', () => {
  it('stores frames and thumbnails in the file store, serves the same options from the library, and deletes with the asset', async () => {
    const app = testApp()
    await importAndWait(app, [media('video/tears-of-steel-battle-clip-medium.webm')])
    const [video] = app.services.library.list({ limit: 1, offset: 0 }).items
    if (!video) throw new Error('no video')
    const first = app.services.video.startKeyframes(video.id, { maxFrames: 8, maxSize: 640 }, false)
    await app.services.jobs.waitForSettled([first.jobId])
    expect(app.services.jobs.get(first.jobId).result).toMatchObject({ cached: false, frames: 8 })
    const set = app.services.keyframes.latest(video.id)
    expect(set?.frames).toHaveLength(8)
    for (const frame of set?.frames ?? []) {
      expect(frame.width).toBeLessThanOrEqual(640)
      expect(existsSync(app.services.blobs.absolutePath(frame.path))).toBe(true)
      expect(existsSync(app.services.blobs.absolutePath(frame.thumbPath))).toBe(true)
    }
    const again = app.services.video.startKeyframes(video.id, { maxFrames: 8, maxSize: 640 }, false)
    await app.services.jobs.waitForSettled([again.jobId])
    expect(app.services.jobs.get(again.jobId).result).toMatchObject({ cached: true })
    const files = (set?.frames ?? []).map((f) => app.services.blobs.absolutePath(f.path))
    await app.services.library.delete([video.id])
    expect(files.some(existsSync)).toBe(false)
  })

  it('refuses keyframes for an image with a clear code', async () => {
    const app = testApp()
    await importAndWait(app, [media('image/tbgn2c16.png')])
    const [image] = app.services.library.list({ limit: 1, offset: 0 }).items
    expect(await app.router.handle('video.keyframes', { assetId: image?.id })).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_NO_VIDEO' }
    })
  })
})
