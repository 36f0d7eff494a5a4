import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { planPieces, PeakCollector, SilenceCollector } from '../../../../src/main/media/audio/audio-pieces'
import { prepareAudio } from '../../../../src/main/media/audio/audio-prep'
import { resolveMediaBinaries, type MediaBinaries } from '../../../../src/main/platform/ffmpeg/binaries'
import { probeMedia } from '../../../../src/main/media/probe'
import { makeAudio } from '../../../support/generate-media'
import { media, tempDir } from '../../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

describe('prepareAudio', () => {
  it('makes small mono 16 kHz Opus from a stereo 44.1 kHz FLAC, with a waveform', async () => {
    const out = await prepareAudio(binaries, media('audio/jfk.flac'), { workDir: tempDir(), peaks: 50 })
    expect(out.codec).toBe('opus')
    expect(out.durationS).toBeCloseTo(11, 0)
    expect(out.pieces).toHaveLength(1)
    expect(out.bytes).toBeLessThan(60_000)
    const probe = await probeMedia(binaries, out.pieces[0]?.file as string)
    expect(probe.audio).toMatchObject({ codec: 'opus', channels: 1 })
    expect(out.peaks).toHaveLength(50)
    expect(Math.max(...out.peaks)).toBeGreaterThan(0.3)
  })

  it('splits long audio into pieces within the caps, at silences, with offsets in file time', async () => {
    const dir = tempDir()
    // Speech-like bursts; the first 1.5 s of every 10 s is silent.
    const file = makeAudio(dir, 'talk.mp3', 95, 10, 1.5)
    const out = await prepareAudio(binaries, file, { workDir: tempDir(), maxPieceS: 30 })
    expect(out.pieces.length).toBeGreaterThanOrEqual(4)
    let expectedStart = 0
    for (const piece of out.pieces) {
      expect(piece.durationS).toBeLessThanOrEqual(30)
      expect(piece.startS).toBeCloseTo(expectedStart, 1)
      expectedStart = piece.startS + piece.durationS
      if (piece.startS > 0) expect(piece.startS % 10).toBeLessThan(1.6)
    }
    expect(expectedStart).toBeCloseTo(95, 0)
  })

  it('respects a byte cap as well as the duration cap', () => {
    const plan = planPieces(3600, [], { maxPieceS: 1380, maxPieceBytes: 1_000_000, bytesPerSecond: 3000 })
    expect(plan.maxPieceS).toBeLessThanOrEqual(1_000_000 / 3000)
    expect(plan.cuts.length).toBe(Math.ceil(3600 / plan.maxPieceS) - 1)
  })

  it('cuts in the middle of the latest silence before the cap', () => {
    const plan = planPieces(
      100,
      [
        { start: 20, end: 21 },
        { start: 35, end: 37 }
      ],
      { maxPieceS: 40, maxPieceBytes: 1e9, bytesPerSecond: 1 }
    )
    expect(plan.cuts[0]).toBe(36)
  })

  it('parses silencedetect and astats lines', () => {
    const silences = new SilenceCollector()
    silences.line('[silencedetect @ 0x1] silence_start: 1.5')
    silences.line('[silencedetect @ 0x1] silence_end: 2.25 | silence_duration: 0.75')
    expect(silences.silences).toEqual([{ start: 1.5, end: 2.25 }])
    const peaks = new PeakCollector()
    for (const db of ['-6.0206', '-inf', '0'])
      peaks.line(`[Parsed_ametadata_4 @ 0x2] lavfi.astats.Overall.Peak_level=${db}`)
    expect(peaks.summary(10)).toEqual([0.5, 0, 1])
  })

  it('fails clearly on video without audio and on a truncated file, leaving nothing behind', async () => {
    const work = tempDir()
    await expect(
      prepareAudio(binaries, media('video/bbb_642x642_768kbps_30fps_vp9.webm'), { workDir: work })
    ).rejects.toMatchObject({
      code: 'MEDIA_NO_AUDIO'
    })
    await expect(
      prepareAudio(binaries, media('bad/large_stbl_truncated_after_moov.m4b'), { workDir: work })
    ).rejects.toMatchObject({
      code: 'MEDIA_DECODE_FAILED'
    })
    const video = await prepareAudio(binaries, media('video/friday.mp4'), { workDir: tempDir() })
    expect(video.durationS).toBeCloseTo(6.1, 0)
    expect(readdirSync(work).length).toBeLessThanOrEqual(1)
  })
})
