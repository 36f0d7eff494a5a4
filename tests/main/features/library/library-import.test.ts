import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { importAndWait, testApp } from '../../../support/app'
import { media, tempDir } from '../../../support/temp'

function report(job: { result: unknown }): ImportReport {
  return job.result as ImportReport
}

describe('library import', () => {
  it('imports video, image and audio with metadata and a thumbnail file for each', async () => {
    const app = testApp()
    const job = await importAndWait(app, [
      media('video/flower.mp4'),
      media('image/Landscape_6.jpg'),
      media('audio/jfk.flac')
    ])
    expect(job.state).toBe('succeeded')
    expect(report(job).imported).toHaveLength(3)
    const { items } = app.services.library.list({ limit: 10, offset: 0 })
    const byName = Object.fromEntries(items.map((a) => [a.name, a]))
    expect(byName['flower.mp4']).toMatchObject({
      kind: 'video',
      width: 960,
      height: 540,
      metadata: { videoCodec: 'h264', hasAudio: true }
    })
    expect(byName['flower.mp4']?.durationS).toBeCloseTo(5.06, 1)
    // EXIF orientation 6: stored 1200×1800, shown 1800×1200.
    expect(byName['Landscape_6.jpg']).toMatchObject({
      kind: 'image',
      width: 1800,
      height: 1200,
      metadata: { orientation: 6 }
    })
    expect(byName['jfk.flac']).toMatchObject({ kind: 'audio', width: null, metadata: { audioCodec: 'flac' } })
    for (const asset of items) {
      expect(asset.thumb.state).toBe('ready')
      expect(existsSync(app.services.blobs.absolutePath(asset.thumb.path as string))).toBe(true)
      expect(existsSync(app.services.blobs.absolutePath(asset.path))).toBe(true)
    }
    const thumbJobs = app.services.jobs.list({ limit: 10 }).filter((j) => j.kind === 'asset.thumbnail')
    expect(thumbJobs.map((j) => j.parentId)).toEqual([job.id, job.id, job.id])
  })

  it('recognises the same content under another name as a duplicate', async () => {
    const app = testApp()
    const dir = tempDir()
    copyFileSync(media('image/Portrait_8.jpg'), join(dir, 'copy of portrait.jpg'))
    await importAndWait(app, [media('image/Portrait_8.jpg')])
    const again = await importAndWait(app, [join(dir, 'copy of portrait.jpg')])
    expect(report(again)).toMatchObject({
      imported: [],
      duplicates: [{ path: join(dir, 'copy of portrait.jpg') }]
    })
    expect(app.services.library.list({ limit: 10, offset: 0 }).total).toBe(1)
  })

  it('gives each bad file its own clear error while the good ones import', async () => {
    const app = testApp()
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.mp4'), '')
    writeFileSync(join(dir, 'notes.mp4'), 'This is just a text file pretending to be a video.\n')
    copyFileSync(media('image/Portrait_5.jpg'), join(dir, '我的 照片 (1).jpg'))
    symlinkSync(join(dir, 'loop.jpg'), join(dir, 'loop.jpg'))
    const job = await importAndWait(app, [
      join(dir, 'empty.mp4'),
      join(dir, 'notes.mp4'),
      join(dir, '我的 照片 (1).jpg'),
      join(dir, 'loop.jpg'),
      join(dir, 'missing.mov'),
      join(dir, 'readme.txt'),
      media('bad/corrupt-header.jpg'),
      media('bad/sample_malformed_free_box.mp4')
    ])
    const failures = Object.fromEntries(report(job).failed.map((f) => [f.path.split('/').pop(), f.code]))
    expect(failures).toEqual({
      'empty.mp4': 'MEDIA_CORRUPT',
      'notes.mp4': 'MEDIA_UNSUPPORTED',
      'loop.jpg': 'FILE_UNREADABLE',
      'missing.mov': 'FILE_NOT_FOUND',
      'readme.txt': 'FILE_NOT_FOUND',
      'corrupt-header.jpg': 'MEDIA_CORRUPT',
      'sample_malformed_free_box.mp4': 'MEDIA_CORRUPT'
    })
    expect(app.services.library.list({ limit: 10, offset: 0 }).items.map((a) => a.name)).toEqual([
      '我的 照片 (1).jpg'
    ])
    expect(app.services.library.list({ search: '照片', limit: 10, offset: 0 }).total).toBe(1)
  })

  it('walks a folder of 10,000 files, skipping non-media, without a symlink loop trapping it', async () => {
    const app = testApp()
    const dir = tempDir()
    const nested = join(dir, 'a', 'b')
    mkdirSync(nested, { recursive: true })
    for (let i = 0; i < 10_000; i += 1) writeFileSync(join(dir, `note-${i}.txt`), `${i}`)
    copyFileSync(media('image/tbgn2c16.png'), join(nested, 'tiny.png'))
    writeFileSync(join(nested, 'broken.png'), 'not a png')
    symlinkSync(dir, join(nested, 'back-to-top'))
    const job = await importAndWait(app, [dir])
    expect(report(job)).toMatchObject({ skipped: 10_000, imported: [{ path: join(nested, 'tiny.png') }] })
    expect(report(job).failed.map((f) => f.code)).toEqual(['MEDIA_UNSUPPORTED'])
  })

  it('deletes an asset with its files and cancels its pending work', async () => {
    const app = testApp()
    await importAndWait(app, [media('image/blackbug.png')])
    const [asset] = app.services.library.list({ limit: 1, offset: 0 }).items
    if (!asset) throw new Error('no asset')
    const files = [asset.path, asset.thumb.path as string].map((p) => app.services.blobs.absolutePath(p))
    expect(files.every(existsSync)).toBe(true)
    expect(await app.services.library.delete([asset.id])).toEqual({ deleted: 1 })
    expect(files.some(existsSync)).toBe(false)
    expect(app.services.library.list({ search: 'blackbug', limit: 1, offset: 0 }).total).toBe(0)
  })
})
