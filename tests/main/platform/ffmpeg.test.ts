import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  parseVersion,
  resolveTool,
  type MediaBinaries,
  resolveMediaBinaries
} from '../../../src/main/platform/ffmpeg/binaries'
import { inputArg, passthroughFrames, runFfmpeg, withTempDir } from '../../../src/main/platform/ffmpeg/ffmpeg'
import { probeMedia } from '../../../src/main/media/probe'
import { media, tempDir } from '../../support/temp'

let binaries: MediaBinaries
beforeAll(async () => {
  binaries = await resolveMediaBinaries({})
})

describe('ffmpeg adapter', () => {
  it('treats hostile file names as plain files', async () => {
    const dir = tempDir()
    for (const name of ['-i evil.mp4', 'http:not-a-url.mp4', 'concat:a|b.mp4', '视频 (1).mp4']) {
      copyFileSync(media('video/flower.mp4'), join(dir, name))
      expect((await probeMedia(binaries, join(dir, name))).video?.codec).toBe('h264')
    }
    expect(inputArg('relative/x.mp4')).toMatch(/^file:\//)
  })

  it('kills ffmpeg on timeout and on cancel', async () => {
    const dir = tempDir()
    const slow = {
      input: media('video/tears-of-steel-battle-clip-medium.webm'),
      outputOptions: ['-vf', 'scale=4000:-2,scale=320:-2', '-f', 'null'],
      output: '-'
    }
    await expect(runFfmpeg(binaries, { ...slow, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'FFMPEG_TIMEOUT'
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    await expect(
      runFfmpeg(binaries, { ...slow, timeoutMs: 60_000, signal: controller.signal })
    ).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(withTempDir(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(readdirSync(dir)).toEqual([])
  })

  it('reports a missing binary as FFMPEG_MISSING', async () => {
    const tool = await resolveTool('ffmpeg', { setting: '/nonexistent/ffmpeg' })
    expect(tool).toMatchObject({ ok: false, source: 'setting' })
    const broken = { ...binaries, ffmpeg: tool }
    await expect(
      runFfmpeg(broken, { input: media('video/flower.mp4'), outputOptions: [], output: '-', timeoutMs: 5000 })
    ).rejects.toMatchObject({
      code: 'FFMPEG_MISSING'
    })
  })

  it('lets FFMPEG_PATH win and reads versions of release and snapshot builds', async () => {
    const viaEnv = await resolveTool('ffmpeg', {
      env: { FFMPEG_PATH: binaries.ffmpeg.path as string, PATH: '' }
    })
    expect(viaEnv.source).toBe('env')
    expect(
      parseVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers')
    ).toEqual({ version: '5.1.9-0+deb12u1', major: 5, year: 2026 })
    expect(
      parseVersion(
        'ffmpeg version N-47683-g0e8eb07980-static https://x Copyright (c) 2000-2018 the FFmpeg developers'
      ).major
    ).toBe(4)
    expect(passthroughFrames({ ...binaries, ffmpeg: { ...binaries.ffmpeg, major: 4 } })).toEqual([
      '-vsync',
      'passthrough'
    ])
    expect(passthroughFrames({ ...binaries, ffmpeg: { ...binaries.ffmpeg, major: 7 } })).toEqual([
      '-fps_mode',
      'passthrough'
    ])
  })
})
