import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importAndWait, testApp } from '../../../support/app'
import { media, tempDir } from '../../../support/temp'
import { makeHevcVideo } from '../../../support/generate-media'

describe('playable copies of library videos', () => {
  it('makes one copy as a job, serves its path, and deletes it with the video', async () => {
    const app = testApp()
    await importAndWait(app, [makeHevcVideo(tempDir())])
    const [video] = app.services.library.list({ limit: 1, offset: 0 }).items
    if (!video) throw new Error('no video')
    expect(await app.router.handle('video.playable', { assetId: video.id })).toEqual({
      ok: true,
      data: { path: null, needed: true }
    })
    const started = (await app.router.handle('video.makePlayable', { assetId: video.id })) as {
      data?: { jobId: string | null }
    }
    const jobId = started.data?.jobId
    if (!jobId) throw new Error('no job')
    await app.services.jobs.waitForSettled([jobId])
    expect(app.services.jobs.get(jobId).state).toBe('succeeded')
    const { path } = app.services.playable.get(video.id)
    if (!path) throw new Error('no copy')
    expect(existsSync(app.services.blobs.absolutePath(path))).toBe(true)
    // Asking again starts nothing: the copy is there.
    expect(app.services.playable.start(video.id)).toEqual({ jobId: null })
    await app.services.library.delete([video.id])
    expect(existsSync(app.services.blobs.absolutePath(path))).toBe(false)
  })

  it('says an H.264 video needs no copy and refuses images', async () => {
    const app = testApp()
    await importAndWait(app, [media('video/flower.mp4'), media('image/tbgn2c16.png')])
    const items = app.services.library.list({ limit: 10, offset: 0 }).items
    const video = items.find((a) => a.kind === 'video')
    const image = items.find((a) => a.kind === 'image')
    expect(app.services.playable.get(video?.id ?? '')).toEqual({ path: null, needed: false })
    expect(await app.router.handle('video.makePlayable', { assetId: image?.id })).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_NO_VIDEO' }
    })
  })
})
