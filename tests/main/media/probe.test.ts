import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveMediaBinaries, type MediaBinaries } from '../../../src/main/platform/ffmpeg/binaries'
import { ptsAtOrAfter, readKeyframeIndex } from '../../../src/main/media/keyframes/keyframe-index'
import { friendlyContainer, normaliseRotation, probeMedia } from '../../../src/main/media/probe'
import { media, tempDir } from '../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

describe('probeMedia', () => {
  it.each([
    ['video/flower.mp4', { codec: 'h264', width: 960, height: 540, audio: true }],
    ['video/tears-of-steel-battle-clip-medium.webm', { codec: 'vp8', width: 800, height: 332, audio: true }],
    ['video/bbb_642x642_768kbps_30fps_vp9.webm', { codec: 'vp9', width: 642, height: 642, audio: false }]
  ])('reads %s', async (file, expected) => {
    const probe = await probeMedia(binaries, media(file))
    expect(probe.video).toMatchObject({
      codec: expected.codec,
      displayWidth: expected.width,
      displayHeight: expected.height
    })
    expect(probe.audio !== null).toBe(expected.audio)
    expect(probe.durationS).toBeGreaterThan(2)
  })

  it('reports rotation and the displayed size of phone videos', async () => {
    const portrait = await probeMedia(binaries, media('video/portrait_4k60.mp4'))
    expect(portrait.video).toMatchObject({
      width: 3840,
      height: 2160,
      rotation: 90,
      displayWidth: 2160,
      displayHeight: 3840
    })
    const upsideDown = await probeMedia(binaries, media('video/fire2.mp4'))
    expect(upsideDown.video).toMatchObject({ rotation: 180, displayWidth: 1280, displayHeight: 720 })
  })

  it('detects a variable frame rate', async () => {
    const vfr = await probeMedia(binaries, media('video/fire2.mp4'))
    expect(vfr.video?.variableFrameRate).toBe(true)
    expect(vfr.video?.avgFps).toBeCloseTo(10.5, 0)
    expect((await probeMedia(binaries, media('video/flower.mp4'))).video?.variableFrameRate).toBe(false)
  })

  it('handles audio-only files and a WebM without a duration in its header', async () => {
    const audio = await probeMedia(binaries, media('audio/jfk.flac'))
    expect(audio).toMatchObject({ video: null, audio: { codec: 'flac', sampleRate: 44100, channels: 2 } })
    const noDuration = await probeMedia(binaries, media('bad/no_duration.webm'))
    expect(noDuration.durationSource).toBe('packets')
    expect(noDuration.durationS).toBeCloseTo(4.9, 0)
  })

  it('gives clear codes for files that are not media', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'notes.mp4'), 'just text\n')
    await expect(probeMedia(binaries, join(dir, 'notes.mp4'))).rejects.toMatchObject({
      code: 'MEDIA_CORRUPT'
    })
    await expect(probeMedia(binaries, media('bad/sample_malformed_free_box.mp4'))).rejects.toMatchObject({
      code: 'MEDIA_CORRUPT'
    })
  })

  it('names containers and turns display matrices into clockwise degrees', () => {
    expect(friendlyContainer('mov,mp4,m4a,3gp,3g2,mj2')).toBe('MP4/MOV')
    expect(friendlyContainer('matroska,webm')).toBe('WebM/Matroska')
    expect(normaliseRotation({ side_data_list: [{ rotation: -90 }] })).toBe(90)
    expect(normaliseRotation({ side_data_list: [{ rotation: 90 }] })).toBe(270)
    expect(normaliseRotation({ tags: { rotate: '180' } })).toBe(180)
  })
})

describe('readKeyframeIndex', () => {
  it('lists packets and keyframes at demux speed', async () => {
    const index = await readKeyframeIndex(binaries, media('video/tears-of-steel-battle-clip-medium.webm'))
    expect(index.count).toBeGreaterThan(1600)
    expect(index.keyframeTimes.length).toBeGreaterThan(10)
    expect(index.keyframeTimes[0]).toBe(0)
    expect(ptsAtOrAfter(index, 10)).toBeGreaterThanOrEqual(10)
    expect(ptsAtOrAfter(index, 10)).toBeLessThan(10.05)
  })
})
