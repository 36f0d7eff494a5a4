import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  resolveMediaBinaries,
  resolveTool,
  type MediaBinaries
} from '../../../../src/main/platform/ffmpeg/binaries'
import { canDropPackets } from '../../../../src/main/platform/ffmpeg/ffmpeg'
import { encodeJpegs } from '../../../../src/main/media/keyframes/frame-encode'
import { decodeRanges, keepOnlyExpression } from '../../../../src/main/media/keyframes/frame-extract'
import { largestGap } from '../../../../src/main/media/keyframes/frame-choice'
import type { KeyframeContext } from '../../../../src/main/media/keyframes/keyframe-context'
import { readKeyframeIndex } from '../../../../src/main/media/keyframes/keyframe-index'
import { decodeKeyframes, keyframePackets } from '../../../../src/main/media/keyframes/keyframe-packets'
import { selectKeyframes } from '../../../../src/main/media/keyframes/keyframes'
import { pictureDistance } from '../../../../src/main/media/keyframes/phash'
import { probeMedia } from '../../../../src/main/media/probe'
import { makeVideo } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

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
    extract: { dir, maxSize: 512, keep: 'raw', timeoutMs: 60_000 },
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
  const [jpeg] = await encodeJpegs(binaries, [frame.picture], ctx.extract)
  if (!jpeg) throw new Error(`no JPEG of the reference frame at ${t}`)
  return { ...frame, jpeg }
}

/** Mean absolute grey-level difference of two pictures, both shrunk to 64×36. */
async function meanDifference(a: Buffer | string, b: Buffer | string): Promise<number> {
  const grey = (input: Buffer | string) =>
    sharp(input).resize(64, 36, { fit: 'fill' }).greyscale().raw().toBuffer()
  const [x, y] = await Promise.all([grey(a), grey(b)])
  return x.reduce((sum, v, i) => sum + Math.abs(v - (y[i] as number)), 0) / x.length
}

/** A 1280×720, 40 s video with 2 s GOPs and cuts on a keyframe (8 s) and inside a GOP (16.6 s). */
function cutsVideo(dir: string, name = 'cuts.mp4'): string {
  return makeVideo(dir, name, { durationS: 40, cuts: [8, 16.6], gop: 60, width: 1280, height: 720 })
}

async function oldFfmpeg(): Promise<MediaBinaries | null> {
  const bundled = join('node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg')
  if (!existsSync(bundled)) return null
  return { ...binaries, ffmpeg: await resolveTool('ffmpeg', { setting: bundled }) }
}

function expectCutsFound(times: number[]): void {
  for (const cut of [8, 16.6])
    expect(
      times.some((t) => t >= cut - 0.05 && t <= cut + 1),
      `cut ${cut}`
    ).toBe(true)
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
    expectCutsFound(result.frames.map((f) => f.t))
  })

  it('keeps player time in an MPEG-TS whose clock starts at 1.4 s, whichever way it decodes', async () => {
    const dir = tempDir()
    const file = cutsVideo(dir, 'cuts.ts')
    expect((await probeMedia(binaries, file)).startTime).toBeGreaterThan(1)
    const packets = await selectKeyframes(binaries, file, { maxFrames: 10, tmpDir: tempDir() })
    const times = packets.frames.map((f) => f.t)
    expect(times[0]).toBe(0)
    // Keyframes every 2 s of player time; the frame of the cut inside a GOP just after 16.6 s.
    for (const t of times.filter((x) => Math.abs(x - 16.6) > 0.5))
      expect(t / 2).toBeCloseTo(Math.round(t / 2), 3)
    expectCutsFound(times)
    // One sampling pass (a small video) and the fallback for an old ffmpeg use the same clock.
    const small = makeVideo(dir, 'small.ts', { durationS: 12, cuts: [6.5], gop: 60 })
    const sampled = await selectKeyframes(binaries, small, { maxFrames: 6, tmpDir: tempDir() })
    expect(sampled.strategy).toBe('single-pass')
    expect(sampled.frames[0]?.t).toBe(0)
    expect(sampled.frames.some((f) => f.t >= 6.45 && f.t <= 7.5)).toBe(true)
    const old = await oldFfmpeg()
    if (old) {
      const fallback = await selectKeyframes(old, file, { maxFrames: 10, tmpDir: tempDir() })
      expect(fallback.frames[0]?.t).toBe(0)
      expect(fallback.frames.some((f) => f.t >= 8 && f.t <= 9)).toBe(true)
    }
  })

  it('fills long takes with the frame at the time asked for, read from chosen packets', async () => {
    // 10 s GOPs and a budget of 20 over 40 s: most frames come from inside GOPs, not keyframes.
    const file = makeVideo(tempDir(), 'long-takes.mp4', {
      durationS: 40,
      cuts: [25.3],
      gop: 300,
      width: 1280,
      height: 720
    })
    const result = await selectKeyframes(binaries, file, { maxFrames: 20, tmpDir: tempDir() })
    const times = result.frames.map((f) => f.t)
    expect(times.length).toBeLessThanOrEqual(20)
    expect(largestGap(times, result.durationS)).toBeLessThanOrEqual((2 * 40) / 20)
    const fills = result.frames.filter((f) => f.reason === 'fill')
    expect(fills.length).toBeGreaterThan(5)
    const ctx = await contextFor(file, tempDir())
    for (const fill of fills.slice(0, 4)) {
      const reference = await referenceFrame(ctx, fill.t)
      expect(reference.pts - ctx.probe.startTime).toBeCloseTo(fill.t, 3)
      expect(await meanDifference(fill.jpeg, reference.jpeg), `fill at ${fill.t}`).toBeLessThan(6)
    }
  })

  it('stops both processes of a pass when cancelled, and leaves no temp files', async () => {
    const tmp = tempDir()
    const controller = new AbortController()
    const running = selectKeyframes(binaries, cutsVideo(tempDir()), {
      maxFrames: 10,
      tmpDir: tmp,
      signal: controller.signal,
      onProgress: (stage) => stage === 'decoding-keyframes' && controller.abort()
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
    const old = await oldFfmpeg()
    if (!old) return test.skip()
    expect(await canDropPackets(old)).toBe(false)
    const result = await selectKeyframes(old, cutsVideo(tempDir()), { maxFrames: 10, tmpDir: tempDir() })
    expect(result.strategyReason).toContain('a seek into each changed GOP')
    const times = result.frames.map((f) => f.t)
    expectCutsFound(times)
    expect(largestGap(times, result.durationS)).toBeLessThanOrEqual((2 * result.durationS) / 10)
  })
})
