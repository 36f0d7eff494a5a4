import { copyFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { importAndWait, testApp } from '../../../support/app'
import { countingBinaries } from '../../../support/counting-binaries'
import { media, tempDir } from '../../../support/temp'

function report(job: { result: unknown }): ImportReport {
  return job.result as ImportReport
}

describe('importer', () => {
  it('keeps the probe with the asset and re-imports an unchanged path without probing or hashing it', async () => {
    const bins = countingBinaries(tempDir())
    const app = testApp({ env: { ...process.env, FFMPEG_PATH: bins.ffmpeg, FFPROBE_PATH: bins.ffprobe } })
    const file = join(tempDir(), 'clip.mp4')
    copyFileSync(media('video/flower.mp4'), file)
    const first = report(await importAndWait(app, [file]))
    const assetId = first.imported[0]?.assetId as string
    expect(app.services.mediaFacts.probe(assetId)).toMatchObject({ video: { codec: 'h264', width: 960 } })

    const mark = bins.mark()
    const again = report(await importAndWait(app, [file]))
    expect(again).toMatchObject({ imported: [], duplicates: [{ path: file, assetId }] })
    expect(bins.since(mark)).toEqual([])
  })

  it('trusts path, size and mtime: same size and mtime keep the old hash, a new mtime is hashed again', async () => {
    const app = testApp()
    const file = join(tempDir(), 'photo.png')
    copyFileSync(media('image/tbgn2c16.png'), file)
    const mtime = 1_700_000_000 // whole seconds, so setting it back is exact on every file system
    utimesSync(file, mtime, mtime)
    const first = report(await importAndWait(app, [file]))
    const assetId = first.imported[0]?.assetId as string

    // Other bytes of the same size, put back at the old mtime: the file is not read again, so the
    // library keeps the hash it had (the documented trade-off of not hashing every import).
    writeFileSync(file, Buffer.alloc(statSync(file).size, 7))
    utimesSync(file, mtime, mtime)
    const unchanged = report(await importAndWait(app, [file]))
    expect(unchanged.duplicates).toEqual([{ path: file, assetId }])

    // A new mtime and the file is read again: now it is found not to be a picture at all.
    utimesSync(file, mtime + 5, mtime + 5)
    const changed = report(await importAndWait(app, [file]))
    expect(changed.duplicates).toEqual([])
    expect(changed.failed).toEqual([expect.objectContaining({ path: file })])
  })
})
