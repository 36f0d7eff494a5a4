import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import { ffprobeJson } from '../../../../src/main/platform/ffmpeg/ffmpeg'
import { encodeJpegs, keptPictureKind } from '../../../../src/main/media/keyframes/frame-encode'
import {
  decodeRanges,
  type DecodedFrame,
  type ExtractOptions
} from '../../../../src/main/media/keyframes/frame-extract'
import { makeCameraMjpeg, makeVideo } from '../../../support/generate-media'
import { suiteTempDir, tempDir } from '../../../support/temp'

let binaries: MediaBinaries
let video: string
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
  video = makeVideo(suiteTempDir(), 'cuts.mp4', {
    durationS: 12,
    cuts: [5.3],
    gop: 60,
    width: 1280,
    height: 720
  })
})

/** Every keyframe of a video (0, 2, 4, … s in the H.264 one), its pictures kept the given way. */
function keyframesKept(keep: ExtractOptions['keep'], dir = tempDir(), file = video) {
  return decodeRanges(binaries, file, [{ skip: 'nokey' }], { dir, maxSize: 512, keep, timeoutMs: 60_000 })
}

/** The JPEG a frame kept as one (decoded with keep: 'jpeg'). */
function jpegOf(frame: DecodedFrame | undefined): string {
  if (!frame || !('jpeg' in frame.picture)) throw new Error('not a frame kept as a JPEG')
  return frame.picture.jpeg
}

describe('kept pictures', () => {
  it('encodes only the raw frames asked for, each the same JPEG as one written at decode time', async () => {
    const dir = tempDir()
    const [raw = []] = await keyframesKept('raw', dir)
    const [direct = []] = await keyframesKept('jpeg')
    expect(raw.map((f) => f.pts)).toEqual(direct.map((f) => f.pts))
    expect(raw.map((f) => f.signature)).toEqual(direct.map((f) => f.signature))
    expect(raw.length).toBe(6)
    // Out of order and with a repeat, as a choice may ask.
    const wanted = [raw[4], raw[1], raw[4]].map((f) => f?.picture ?? { jpeg: '' })
    const jpegs = await encodeJpegs(binaries, wanted, { dir, timeoutMs: 60_000 })
    expect(jpegs.every((j) => j !== undefined)).toBe(true)
    const bytes = (file: string | undefined) => readFileSync(file as string)
    expect(bytes(jpegs[0]).equals(bytes(jpegOf(direct[4])))).toBe(true)
    expect(bytes(jpegs[1]).equals(bytes(jpegOf(direct[1])))).toBe(true)
    expect(jpegs[2]).toBe(jpegs[0])
    // JPEGs kept at decode time are passed through as they are.
    const kept = { jpeg: jpegOf(direct[2]) }
    expect(await encodeJpegs(binaries, [kept], { dir, timeoutMs: 60_000 })).toEqual([kept.jpeg])
  })

  it('keeps a full-range 4:2:2 camera picture as it is, range and chroma', async () => {
    const dir = tempDir()
    const camera = makeCameraMjpeg(dir)
    const [raw = []] = await keyframesKept('raw', dir, camera)
    const [direct = []] = await keyframesKept('jpeg', tempDir(), camera)
    expect(raw.length).toBe(30)
    const [jpeg] = await encodeJpegs(binaries, [raw[7]?.picture ?? { jpeg: '' }], { dir, timeoutMs: 60_000 })
    expect(readFileSync(jpeg as string).equals(readFileSync(jpegOf(direct[7])))).toBe(true)
    const { streams } = await ffprobeJson<{ streams: { pix_fmt: string; width: number }[] }>(
      binaries,
      jpeg as string,
      ['-show_entries', 'stream=pix_fmt,width'],
      { timeoutMs: 10_000 }
    )
    expect(streams).toEqual([{ pix_fmt: 'yuvj422p', width: 512 }])
  })

  it('drops a frame whose raw file was cut short, and keeps the frames before it', async () => {
    const dir = tempDir()
    const [raw = []] = await keyframesKept('raw', dir)
    const file = (raw[0]?.picture as { raw: string }).raw
    const whole = readFileSync(file)
    // Half of the last picture is gone, as when a decoding process is killed while writing.
    writeFileSync(file, whole.subarray(0, whole.length - (512 * 288 * 3) / 4))
    const jpegs = await encodeJpegs(
      binaries,
      raw.map((f) => f.picture),
      { dir, timeoutMs: 60_000 }
    )
    expect(jpegs.slice(0, 5).every((j) => j !== undefined)).toBe(true)
    expect(jpegs[5]).toBeUndefined()
  })

  it('still encodes the frames of good raw files when another raw file is unreadable', async () => {
    const dir = tempDir()
    const [raw = []] = await keyframesKept('raw', dir)
    const garbage = join(dir, 'garbage.nut')
    writeFileSync(garbage, Buffer.alloc(4096, 7))
    const good = raw[3]?.picture ?? { jpeg: '' }
    const jpegs = await encodeJpegs(binaries, [{ raw: garbage, index: 0 }, good], { dir, timeoutMs: 60_000 })
    expect(jpegs[0]).toBeUndefined()
    expect(jpegs[1]).toBeDefined()
  })

  it('keeps raw pictures where most are dropped, while they fit the temp-space limit', () => {
    const hd = { width: 1920, height: 1080, maxSize: 1024, maxFrames: 64 }
    // A clip whose keyframes are about the budget keeps (nearly) all of them: JPEGs at once.
    expect(keptPictureKind({ ...hd, keyframes: 24, maxFrames: 32 })).toBe('jpeg')
    expect(keptPictureKind({ ...hd, keyframes: 128 })).toBe('jpeg')
    // 10 minutes with 2 s GOPs: 300 keyframes; two hours: 3600.
    expect(keptPictureKind({ ...hd, keyframes: 300 })).toBe('raw')
    expect(keptPictureKind({ ...hd, keyframes: 3600 })).toBe('jpeg')
    // 4:4:4 (a screen recording) takes twice the room of 4:2:0: twenty minutes no longer fit.
    expect(keptPictureKind({ ...hd, keyframes: 600 })).toBe('raw')
    expect(keptPictureKind({ ...hd, pixelFormat: 'yuv444p', keyframes: 600 })).toBe('jpeg')
    // Smaller pictures take less room: an hour at 640×360 fits.
    expect(keptPictureKind({ ...hd, width: 640, height: 360, keyframes: 1800 })).toBe('raw')
  })
})
