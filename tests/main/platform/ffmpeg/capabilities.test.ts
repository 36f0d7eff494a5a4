import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runFfmpeg } from '../../../../src/main/platform/ffmpeg/ffmpeg'
import { MediaTools } from '../../../../src/main/platform/ffmpeg/media-tools'
import { countingBinaries, type CountingBinaries } from '../../../support/counting-binaries'
import { media, tempDir } from '../../../support/temp'

/** A MediaTools as a fresh process builds it: nothing in memory, the cache file on disk. */
function freshTools(bins: CountingBinaries, cacheFile: string): MediaTools {
  return new MediaTools({
    paths: () => ({ ffmpegPath: bins.ffmpeg, ffprobePath: bins.ffprobe }),
    env: {},
    capabilitiesFile: cacheFile
  })
}

describe('ffmpeg capability cache', () => {
  it('asks each binary once per build and remembers it in the data folder', async () => {
    const bins = countingBinaries(tempDir())
    const cacheFile = join(tempDir(), 'cache', 'ffmpeg-capabilities.json')
    const first = await freshTools(bins, cacheFile).binaries()
    expect(bins.runs().sort()).toEqual([
      'ffmpeg -hide_banner -encoders',
      'ffmpeg -hide_banner -formats',
      'ffmpeg -hide_banner -h bsf=noise',
      'ffmpeg -version',
      'ffprobe -version'
    ])
    const mark = bins.mark()
    const second = await freshTools(bins, cacheFile).binaries()
    expect(bins.since(mark)).toEqual([])
    expect(second).toEqual(first)
    expect(second.ffmpeg).toMatchObject({ ok: true, major: 5, features: { dropPackets: true } })
    expect(second.ffmpeg.features?.formats?.nut).toEqual({ canDemux: true, canMux: true })
    expect(second.ffmpeg.features?.encoders?.mjpeg).toMatchObject({ type: 'video' })
  })

  it('asks again when the binary changes (same path, another mtime)', async () => {
    const bins = countingBinaries(tempDir())
    const cacheFile = join(tempDir(), 'ffmpeg-capabilities.json')
    await freshTools(bins, cacheFile).binaries()
    const later = new Date(Date.now() + 60_000)
    utimesSync(bins.ffmpeg, later, later)
    const mark = bins.mark()
    await freshTools(bins, cacheFile).binaries()
    expect(bins.since(mark).sort()).toEqual([
      'ffmpeg -hide_banner -encoders',
      'ffmpeg -hide_banner -formats',
      'ffmpeg -hide_banner -h bsf=noise',
      'ffmpeg -version'
    ])
  })

  it('ignores a cache file it cannot read, and writes a good one in its place', async () => {
    const bins = countingBinaries(tempDir())
    const cacheFile = join(tempDir(), 'ffmpeg-capabilities.json')
    writeFileSync(cacheFile, '{"version":1,"binaries":{"x": [')
    const binaries = await freshTools(bins, cacheFile).binaries()
    expect(binaries.ffmpeg).toMatchObject({ ok: true, features: { dropPackets: true } })
    expect(bins.runs()).toHaveLength(5)
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ version: 1 })
    const mark = bins.mark()
    await freshTools(bins, cacheFile).binaries()
    expect(bins.since(mark)).toEqual([])
  })

  it('runs fluent-ffmpeg commands without asking for formats or encoders first', async () => {
    const bins = countingBinaries(tempDir())
    const cacheFile = join(tempDir(), 'ffmpeg-capabilities.json')
    await freshTools(bins, cacheFile).binaries()
    const binaries = await freshTools(bins, cacheFile).binaries()
    const mark = bins.mark()
    await runFfmpeg(binaries, {
      input: media('video/flower.mp4'),
      outputOptions: ['-frames:v', '1', '-f', 'image2'],
      output: join(tempDir(), 'frame.jpg'),
      timeoutMs: 30_000
    })
    const runs = bins.since(mark)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatch(/^ffmpeg .*-frames:v 1/)
  })
})
