import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import {
  type AvcConfig,
  ivfFeed,
  parseAvcConfig,
  parseHexDump,
  readAvcConfig,
  toAnnexB
} from '../../../../src/main/media/keyframes/avc-feed'
import { readSource } from '../../../../src/main/media/keyframes/keyframe-context'
import { packIndex, unpackIndex } from '../../../../src/main/media/keyframes/keyframe-index'
import { selectKeyframes } from '../../../../src/main/media/keyframes/keyframes'
import { countingBinaries } from '../../../support/counting-binaries'
import { makeVideo } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

/** An avcC box body: version 1, profile/compat/level, 4-byte lengths, one SPS and one PPS. */
const AVCC = Buffer.from([1, 0x64, 0, 0x28, 0xff, 0xe1, 0, 3, 0x67, 0x64, 0x28, 1, 0, 2, 0x68, 0xee])

/** The 40 s 720p MP4 of the other keyframe tests (cuts on a keyframe and inside a GOP), read. */
async function cutsMp4() {
  const dir = tempDir()
  const mp4 = makeVideo(dir, 'cuts.mp4', {
    durationS: 40,
    cuts: [8, 16.6],
    gop: 60,
    width: 1280,
    height: 720
  })
  return { dir, mp4, source: await readSource(binaries, mp4, {}) }
}

describe('feeding MP4 H.264 packets from here', () => {
  it('reads the avcC configuration and turns length prefixes into start codes', () => {
    expect(parseAvcConfig(AVCC)).toEqual({
      lengthSize: 4,
      parameterSets: Buffer.from([0, 0, 0, 1, 0x67, 0x64, 0x28, 0, 0, 0, 1, 0x68, 0xee])
    })
    // Not an avcC (an Annex B stream's extradata starts with a start code) or cut short.
    expect(parseAvcConfig(Buffer.from([0, 0, 0, 1, 0x67, 0x64, 0x28]))).toBeNull()
    expect(parseAvcConfig(AVCC.subarray(0, 10))).toBeNull()
    // Two NAL units with 2-byte lengths.
    const sample = Buffer.from([0, 2, 0x65, 0xaa, 0, 1, 0x06])
    expect(toAnnexB(sample, 2)).toEqual(Buffer.from([0, 0, 0, 1, 0x65, 0xaa, 0, 0, 0, 1, 0x06]))
    // A length that runs past the packet is damage: the packet is left out, not cut short.
    expect(toAnnexB(Buffer.from([0, 9, 0x65]), 2)).toBeNull()
    // Empty NAL units and stray bytes at the end are skipped, as ffmpeg's own parser does.
    expect(toAnnexB(Buffer.from([0, 0, 0, 1, 0x06, 0]), 2)).toEqual(Buffer.from([0, 0, 0, 1, 0x06]))
  })

  it('reads back the bytes of an ffprobe hex dump', () => {
    const dump =
      '\n00000000: 0164 0028 ffe1 001b 6764 0028 acd9 4078  .d.(....gd.(..@x\n00000010: 60c6 58              `.X\n'
    expect(parseHexDump(dump)).toEqual(
      Buffer.from([
        1, 0x64, 0, 0x28, 0xff, 0xe1, 0, 0x1b, 0x67, 0x64, 0, 0x28, 0xac, 0xd9, 0x40, 0x78, 0x60, 0xc6, 0x58
      ])
    )
  })

  it('writes an IVF header and each packet with its time in microseconds', async () => {
    const file = join(tempDir(), 'packets.bin')
    // A 6-byte packet (one NAL unit, 4-byte length) at byte 100.
    writeFileSync(file, Buffer.concat([Buffer.alloc(100), Buffer.from([0, 0, 0, 2, 0x65, 0xaa])]))
    const config = { lengthSize: 4, parameterSets: Buffer.from([0, 0, 0, 1, 0x67]) }
    const stream = ivfFeed(file, [{ pos: 100, size: 6, pts: 1.5, key: true }], config, {
      width: 640,
      height: 360
    })
    const bytes = await buffer(stream)
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('DKIF')
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('H264')
    expect([bytes.readUInt16LE(12), bytes.readUInt16LE(14), bytes.readUInt32LE(16)]).toEqual([
      640, 360, 1_000_000
    ])
    expect(bytes.readUInt32LE(32)).toBe(11)
    expect(bytes.readBigInt64LE(36)).toBe(1_500_000n)
    expect(bytes.subarray(44)).toEqual(Buffer.from([0, 0, 0, 1, 0x67, 0, 0, 0, 1, 0x65, 0xaa]))
  })

  it('leaves out a packet that is damaged, runs past the file or is larger than any picture, and goes on', async () => {
    const file = join(tempDir(), 'packets.bin')
    // Two good packets (one NAL unit, 4-byte length) at 0 and 6, a damaged one at 12.
    const good = Buffer.from([0, 0, 0, 2, 0x65, 0xaa])
    writeFileSync(file, Buffer.concat([good, good, Buffer.from([0, 0, 0, 9, 0x65, 0xaa])]))
    const config = { lengthSize: 4, parameterSets: Buffer.alloc(0) }
    const packet = (pos: number, size: number, pts: number) => ({ pos, size, pts, key: false })
    const stream = ivfFeed(
      file,
      [packet(0, 6, 0), packet(12, 6, 1), packet(6, 64, 2), packet(6, 2 ** 31, 3), packet(6, 6, 4)],
      config,
      { width: 640, height: 360 }
    )
    const bytes = await buffer(stream)
    // The header, then the packets at 0 s and 4 s (12 + 6 bytes each).
    expect(bytes.length).toBe(32 + 2 * (12 + 6))
    expect([bytes.readBigInt64LE(36), bytes.readBigInt64LE(36 + 18)]).toEqual([0n, 4_000_000n])
  })

  it('is used for an MP4 with H.264 only, and gives the frames the stream-copy process gives', async () => {
    const { dir, mp4, source } = await cutsMp4()
    expect(source.index.avc?.lengthSize).toBe(4)
    // Kept with the stored index.
    expect(unpackIndex(packIndex(source.index))?.avc).toEqual(source.index.avc)
    expect(unpackIndex(packIndex({ ...source.index, avc: null }))?.avc).toBeNull()
    const ts = makeVideo(dir, 'cuts.ts', { durationS: 12, cuts: [6.5], gop: 60 })
    expect(await readAvcConfig(binaries, ts)).toBeNull()
    expect(await readAvcConfig(binaries, media('video/bbb_642x642_768kbps_30fps_vp9.webm'))).toBeNull()

    const bins = countingBinaries(tempDir())
    const counted = await resolveMediaBinaries({ ffmpegSetting: bins.ffmpeg, ffprobeSetting: bins.ffprobe })
    const select = async (avc: AvcConfig | null | undefined) => {
      const mark = bins.mark()
      const result = await selectKeyframes(counted, mp4, {
        maxFrames: 10,
        tmpDir: tempDir(),
        known: { ...source, index: { ...source.index, avc } }
      })
      const runs = bins.since(mark)
      return {
        ...result,
        fedRuns: runs.filter((r) => r.includes('-f ivf')),
        copyRuns: runs.filter((r) => r.includes('noise=drop'))
      }
    }
    const copied = await select(null)
    const fed = await select(source.index.avc)
    // Each way really ran: no stream-copy process when fed, no feed otherwise.
    expect([fed.fedRuns.length > 0, fed.copyRuns.length]).toEqual([true, 0])
    expect([copied.fedRuns.length, copied.copyRuns.length > 0]).toEqual([0, true])
    expect(fed.frames.map((f) => [f.t, f.hash, f.reason])).toEqual(
      copied.frames.map((f) => [f.t, f.hash, f.reason])
    )
    expect(fed.frames.every((f, i) => f.jpeg.equals(copied.frames[i]?.jpeg ?? Buffer.alloc(0)))).toBe(true)
    expect(fed.frames.length).toBeGreaterThan(0)
  })

  it('falls back to reading the file another way when a chosen packet is damaged', async () => {
    const { mp4, source } = await cutsMp4()
    // Claim 1-byte lengths: every packet's prefixes now run past its end.
    const broken = { lengthSize: 1, parameterSets: source.index.avc?.parameterSets ?? Buffer.alloc(0) }
    const result = await selectKeyframes(binaries, mp4, {
      maxFrames: 10,
      tmpDir: tempDir(),
      known: { ...source, index: { ...source.index, avc: broken } }
    })
    expect(result.frames.length).toBeGreaterThan(3)
    for (const cut of [8, 16.6])
      expect(result.frames.some((f) => f.t >= cut - 0.05 && f.t <= cut + 1)).toBe(true)
  })
})
