import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importAndWait, testApp } from '../../../support/app'
import { countingBinaries } from '../../../support/counting-binaries'
import { media, tempDir } from '../../../support/temp'

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

  it('selects keyframes of an imported video without probing it again, and reads its packet index once', async () => {
    const bins = countingBinaries(tempDir())
    const app = testApp({ env: { ...process.env, FFMPEG_PATH: bins.ffmpeg, FFPROBE_PATH: bins.ffprobe } })
    await importAndWait(app, [media('video/flower.mp4')])
    const [video] = app.services.library.list({ limit: 1, offset: 0 }).items
    if (!video) throw new Error('no video')
    const probes = (runs: string[]) => runs.filter((r) => r.startsWith('ffprobe'))
    const afterImport = bins.mark()
    await app.services.keyframes.extract(video.id, { maxFrames: 6, maxSize: 320 })
    // The first selection reads the packet index and, this being an MP4 with H.264, the decoder
    // configuration kept with it; the probe comes from the import.
    const first = probes(bins.since(afterImport))
    expect(first).toHaveLength(2)
    expect(first).toEqual(
      expect.arrayContaining([
        expect.stringContaining('-show_entries packet='),
        expect.stringContaining('stream=codec_name,extradata')
      ])
    )
    const afterFirst = bins.mark()
    const again = await app.services.keyframes.extract(video.id, { maxFrames: 5, maxSize: 320 })
    expect(probes(bins.since(afterFirst))).toEqual([])
    expect(again.frames.length).toBeGreaterThan(0)
    expect(again.durationS).toBeCloseTo(5.06, 1)
  })
})
