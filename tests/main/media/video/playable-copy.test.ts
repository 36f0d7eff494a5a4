import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import { makePlayableCopy, needsPlayableCopy } from '../../../../src/main/media/video/playable-copy'
import { probeMedia } from '../../../../src/main/media/probe'
import { makeHevcVideo } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

describe('playable copies', () => {
  it('knows which codecs this window plays', () => {
    for (const codec of ['h264', 'vp8', 'vp9', 'av1']) expect(needsPlayableCopy(codec)).toBe(false)
    for (const codec of ['hevc', 'prores', 'mpeg4', 'mpeg2video', 'wmv3'])
      expect(needsPlayableCopy(codec)).toBe(true)
    expect(needsPlayableCopy(null)).toBe(false)
  })

  it('turns HEVC into H.264 with its sound, on the same timeline', async () => {
    const dir = tempDir()
    const source = makeHevcVideo(dir)
    const output = join(dir, 'copy.mp4')
    const fractions: number[] = []
    await makePlayableCopy(binaries, source, output, { onProgress: (f) => fractions.push(f) })
    const [before, after] = await Promise.all([probeMedia(binaries, source), probeMedia(binaries, output)])
    expect(before.video?.codec).toBe('hevc')
    expect(after.video?.codec).toBe('h264')
    expect(after.audio?.codec).toBe('aac')
    expect(after.durationS).toBeCloseTo(before.durationS ?? 0, 1)
    expect([after.video?.width, after.video?.height]).toEqual([640, 360])
    expect(fractions.at(-1)).toBeGreaterThan(0.5)
  })

  it('stands a rotated phone video upright and keeps it within 1280 px', async () => {
    const output = join(tempDir(), 'copy.mp4')
    await makePlayableCopy(binaries, media('video/portrait_4k60.mp4'), output)
    const copy = await probeMedia(binaries, output)
    expect(copy.video?.rotation).toBe(0)
    expect([copy.video?.width, copy.video?.height]).toEqual([720, 1280])
  })

  it('stops when cancelled', async () => {
    const dir = tempDir()
    const controller = new AbortController()
    const running = makePlayableCopy(binaries, makeHevcVideo(dir), join(dir, 'copy.mp4'), {
      signal: controller.signal,
      onProgress: () => controller.abort()
    })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})
