import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import { largestGap } from '../../../../src/main/media/keyframes/frame-choice'
import { selectKeyframes } from '../../../../src/main/media/keyframes/keyframes'
import { countingBinaries } from '../../../support/counting-binaries'
import { makeVideo } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

function select(file: string, maxFrames: number, tmpDir = tempDir()) {
  return selectKeyframes(binaries, file, { maxFrames, tmpDir })
}

describe('selectKeyframes', () => {
  it('decodes keyframes only, finds a cut inside a GOP, holds the budget and covers the timeline', async () => {
    const dir = tempDir()
    // 2-second GOPs; the cut at 8.0 s is on a keyframe, the one at 16.6 s is inside a GOP.
    const file = makeVideo(dir, 'cuts.mp4', {
      durationS: 40,
      cuts: [8, 16.6],
      gop: 60,
      width: 1280,
      height: 720
    })
    const result = await select(file, 10)
    expect(result.strategy).toBe('keyframes+scenes')
    expect(result.frames.length).toBeLessThanOrEqual(10)
    const times = result.frames.map((f) => f.t)
    for (const cut of [8, 16.6]) expect(times.some((t) => t >= cut - 0.05 && t <= cut + 1)).toBe(true)
    expect(result.frames.find((f) => f.t >= 16.55 && f.t < 17.6)?.reason).toBe('scene')
    expect(largestGap(times, result.durationS)).toBeLessThanOrEqual((2 * result.durationS) / 10)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('keeps pictures raw when most decoded frames are dropped, and returns JPEGs of the chosen', async () => {
    const tmp = tempDir()
    // 30 keyframes for a budget of 8: most decoded keyframes are only compared.
    const file = makeVideo(tempDir(), 'many-keys.mp4', {
      durationS: 60,
      cuts: [8, 16.6, 40],
      gop: 60,
      width: 1280,
      height: 720
    })
    const bins = countingBinaries(tempDir())
    const counted = await resolveMediaBinaries({ ffmpegSetting: bins.ffmpeg, ffprobeSetting: bins.ffprobe })
    const result = await selectKeyframes(counted, file, { maxFrames: 8, tmpDir: tmp })
    // Pictures were kept raw: the chosen ones were encoded at the end, from full-range raw files.
    expect(bins.runs().filter((r) => r.includes('setparams=range=pc'))).not.toHaveLength(0)
    expect(result.frames.length).toBeLessThanOrEqual(8)
    for (const cut of [8, 16.6, 40])
      expect(result.frames.some((f) => f.t >= cut - 0.05 && f.t <= cut + 1)).toBe(true)
    for (const frame of result.frames) {
      const meta = await sharp(frame.jpeg).metadata()
      expect([meta.format, meta.width, meta.height, frame.width]).toEqual(['jpeg', 1024, 576, 1024])
    }
    expect(readdirSync(tmp)).toEqual([])
  })

  it('seeks to a sample of keyframes in an all-intra video instead of decoding all of them', async () => {
    const file = makeVideo(tempDir(), 'intra.mp4', {
      durationS: 40,
      cuts: [20],
      gop: 1,
      width: 160,
      height: 90,
      fps: 25
    })
    const result = await select(file, 3)
    expect(result.strategy).toBe('seek')
    expect(result.frames.length).toBeLessThanOrEqual(3)
  })

  it('makes one sampling pass when there is a single keyframe', async () => {
    const file = makeVideo(tempDir(), 'onekey.mp4', {
      durationS: 12,
      cuts: [6.5],
      gop: 100000,
      width: 320,
      height: 180
    })
    const result = await select(file, 6)
    expect(result.strategy).toBe('single-pass')
    expect(result.frames.some((f) => f.t >= 6.45 && f.t <= 7.5)).toBe(true)
    expect(result.frames.length).toBeLessThanOrEqual(6)
  })

  it('covers a still shot but spends the rest of the budget on nothing that repeats', async () => {
    const file = makeVideo(tempDir(), 'still.mp4', {
      durationS: 20,
      cuts: [10],
      gop: 30,
      width: 320,
      height: 180,
      pan: false
    })
    const result = await select(file, 40)
    const times = result.frames.map((f) => f.t)
    expect(largestGap(times, result.durationS)).toBeLessThanOrEqual((2 * 20) / 40)
    // Coverage needs a little over one frame per second here; the budget of 40 is not filled with repeats.
    expect(result.frames.length).toBeLessThan(28)
    expect(times.some((t) => t >= 10 && t <= 10.5)).toBe(true)
  })

  it('returns upright frames of rotated phone videos, resized inside ffmpeg', async () => {
    const portrait = await select(media('video/portrait_4k60.mp4'), 2)
    const [first] = portrait.frames
    expect(first && first.height > first.width).toBe(true)
    expect(Math.max(first?.width ?? 0, first?.height ?? 0)).toBe(1024)
    const flipped = await select(media('video/fire2.mp4'), 2)
    const frame = flipped.frames[0]
    if (!frame) throw new Error('no frame')
    // The dog video is stored upside down; the top rows of the upright picture are the bright fire.
    const { data } = await sharp(frame.jpeg)
      .resize(4, 4, { fit: 'fill' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect(frame.width).toBeGreaterThan(frame.height)
    expect(data.length).toBe(16)
  })

  it('keeps the true timestamps of a variable-frame-rate video', async () => {
    const result = await select(media('video/fire2.mp4'), 30)
    const times = result.frames.map((f) => f.t)
    expect(new Set(times).size).toBe(times.length)
    expect(Math.max(...times)).toBeLessThanOrEqual(result.durationS)
    expect(times.some((t) => Math.abs(t * 30 - Math.round(t * 30)) > 0.2)).toBe(true)
  })

  it('works on a video without audio and on a WebM without a duration', async () => {
    expect(
      (await select(media('video/bbb_642x642_768kbps_30fps_vp9.webm'), 4)).frames.length
    ).toBeGreaterThan(0)
    const noDuration = await select(media('bad/no_duration.webm'), 4)
    expect(noDuration.durationS).toBeCloseTo(4.9, 0)
  })

  it('fails each bad file with a clear code, never hangs, and leaves no temp files', async () => {
    const tmp = tempDir()
    writeFileSync(join(tmp, '..', 'placeholder'), '')
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.mp4'), '')
    writeFileSync(join(dir, 'text.mp4'), 'not a video at all\n')
    const cases: [string, string[]][] = [
      [join(dir, 'empty.mp4'), ['MEDIA_CORRUPT']],
      [join(dir, 'text.mp4'), ['MEDIA_CORRUPT', 'MEDIA_UNSUPPORTED']],
      [media('bad/sample_malformed_free_box.mp4'), ['MEDIA_CORRUPT']],
      [media('bad/invalid-bitstream.webm'), ['MEDIA_CORRUPT', 'MEDIA_DECODE_FAILED']],
      [media('audio/jfk.flac'), ['MEDIA_NO_VIDEO']],
      [media('bad/large_stbl_truncated_after_moov.m4b'), ['MEDIA_NO_VIDEO']]
    ]
    for (const [file, codes] of cases) {
      const error = (await select(file, 4, tmp).catch((e: unknown) => e)) as { code?: string }
      expect(codes, file).toContain(error.code)
    }
    const partial = await select(media('bad/sample_with_invalid_nalu.mp4'), 4, tmp)
    expect(partial.frames.length).toBeGreaterThan(0)
    expect(readdirSync(tmp)).toEqual([])
  })

  it('stops ffmpeg and cleans up when cancelled', async () => {
    const tmp = tempDir()
    const controller = new AbortController()
    const running = selectKeyframes(binaries, media('video/tears-of-steel-battle-clip-medium.webm'), {
      maxFrames: 8,
      tmpDir: tmp,
      signal: controller.signal,
      onProgress: (stage) => stage.startsWith('decoding') && controller.abort()
    })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(readdirSync(tmp)).toEqual([])
  })
})
