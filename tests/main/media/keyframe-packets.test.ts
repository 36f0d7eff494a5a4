import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, resolveTool, type MediaBinaries } from '../../../src/main/media/binaries'
import { canDropPackets } from '../../../src/main/media/ffmpeg'
import { decodeRanges, keepOnlyExpression } from '../../../src/main/media/frame-extract'
import { largestGap } from '../../../src/main/media/frame-choice'
import type { KeyframeContext } from '../../../src/main/media/keyframe-context'
import { readKeyframeIndex } from '../../../src/main/media/keyframe-index'
import { decodeKeyframes, keyframePackets } from '../../../src/main/media/keyframe-packets'
import { selectKeyframes } from '../../../src/main/media/keyframes'
import { pictureDistance } from '../../../src/main/media/phash'
import { probeMedia } from '../../../src/main/media/probe'
import { makeVideo } from '../../support/generate-media'
import { media, tempDir } from '../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

async function contextFor(file: string, dir: string): Promise<KeyframeContext> {
  const [probe, index] = await Promise.all([probeMedia(binaries, file), readKeyframeIndex(binaries, file)])
  return {
    binaries,
    file,
    index,
    probe,
    durationS: probe.durationS ?? 0,
    maxFrames: 8,
    extract: { dir, maxSize: 512, timeoutMs: 60_000 },
    progress: () => undefined
  }
}

/** ffmpeg's own decode of the frame at `t`, turned upright by ffmpeg itself. */
async function referenceFrame(ctx: KeyframeContext, t: number) {
  const [frames = []] = await decodeRanges(
    binaries,
    ctx.file,
    [{ from: t + ctx.probe.startTime, frames: 1 }],
    {
      ...ctx.extract
    }
  )
  const [frame] = frames
  if (!frame) throw new Error(`no reference frame at ${t}`)
  return frame
}

/** A 1280×720, 40 s video with 2 s GOPs and cuts on a keyframe (8 s) and inside a GOP (16.6 s). */
function cutsVideo(dir: string): string {
  return makeVideo(dir, 'cuts.mp4', { durationS: 40, cuts: [8, 16.6], gop: 60, width: 1280, height: 720 })
}

describe('packet-selected decoding', () => {
  it('keeps exactly the packets asked for, by byte offset', () => {
    expect(keepOnlyExpression([])).toBe('1')
    expect(keepOnlyExpression([[48, 48]])).toBe('not(eq(pos\\,48))')
    expect(
      keepOnlyExpression([
        [48, 48],
        [100, 900]
      ])
    ).toBe('not(eq(pos\\,48)+between(pos\\,100\\,900))')
  })

  it('is what this ffmpeg uses, and the explanation says so', async () => {
    expect(await canDropPackets(binaries)).toBe(true)
    const result = await selectKeyframes(binaries, cutsVideo(tempDir()), { maxFrames: 10, tmpDir: tempDir() })
    expect(result.strategy).toBe('keyframes+scenes')
    expect(result.strategyReason).toContain('only the chosen packets reach the decoder')
    const times = result.frames.map((f) => f.t)
    for (const cut of [8, 16.6]) expect(times.some((t) => t >= cut - 0.05 && t <= cut + 1)).toBe(true)
  })

  it('stops both processes of a pass when cancelled, and leaves no temp files', async () => {
    const tmp = tempDir()
    const controller = new AbortController()
    const running = selectKeyframes(binaries, cutsVideo(tempDir()), {
      maxFrames: 10,
      tmpDir: tmp,
      signal: controller.signal,
      onProgress: (stage) => stage === 'decoding keyframes' && controller.abort()
    })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(readdirSync(tmp)).toEqual([])
  })

  it('returns each keyframe at its own time, upright, as ffmpeg itself decodes it', async () => {
    // NUT, the format the packets travel in, drops the display matrix: the turn is applied in the
    // filter graph instead. 90° (portrait phone video) and 180° (a video stored upside down).
    for (const name of ['video/portrait_4k60.mp4', 'video/fire2.mp4']) {
      const ctx = await contextFor(media(name), tempDir())
      const keys = keyframePackets(ctx).slice(0, 3)
      const frames = await decodeKeyframes(ctx, keys)
      expect(frames.map((f) => f.t)).toEqual(keys.map((k) => Math.max(0, k.t - ctx.probe.startTime)))
      for (const frame of frames) {
        const reference = await referenceFrame(ctx, frame.t)
        expect(pictureDistance(frame.signature, reference.signature), name).toBeLessThanOrEqual(4)
      }
    }
  })

  it('falls back to per-range decoding with an ffmpeg older than 5.0, with the same coverage', async (test) => {
    const bundled = join('node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg')
    if (!existsSync(bundled)) return test.skip()
    const old = { ...binaries, ffmpeg: await resolveTool('ffmpeg', { setting: bundled }) }
    expect(await canDropPackets(old)).toBe(false)
    const file = cutsVideo(tempDir())
    const result = await selectKeyframes(old, file, { maxFrames: 10, tmpDir: tempDir() })
    expect(result.strategyReason).toContain('a seek into each changed GOP')
    const times = result.frames.map((f) => f.t)
    for (const cut of [8, 16.6]) expect(times.some((t) => t >= cut - 0.05 && t <= cut + 1)).toBe(true)
    expect(largestGap(times, result.durationS)).toBeLessThanOrEqual((2 * result.durationS) / 10)
  })
})
