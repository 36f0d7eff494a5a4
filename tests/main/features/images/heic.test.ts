import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../src/shared/domain/asset'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { importAndWait, testApp } from '../../../support/app'
import { fixture } from '../../../support/paths'

describe('HEIC photos (HEVC inside HEIF, as every iPhone takes them)', () => {
  it('import with a thumbnail of the picture and can be analysed', async () => {
    const fake = await fakeOpenAI()
    const app = testApp()
    await addProvider(app, fake.baseURL)
    const report = (await importAndWait(app, [fixture('media', 'image', 'example.heic')]))
      .result as ImportReport
    const assetId = report.imported[0]!.assetId
    const asset = await app.router.call('library.get', { id: assetId })
    expect(asset).toMatchObject({
      kind: 'image',
      width: 1280,
      height: 854,
      problem: null,
      thumb: { state: 'ready' }
    })
    const thumb = await sharp(app.services.blobs.absolutePath(asset.thumb.path!)).metadata()
    expect([thumb.width, thumb.height]).toEqual([320, 214])

    fake.reply({
      json: { caption: 'A town by a river', tags: [], objects: [], dominant_colours: [], text_in_image: '' }
    })
    const { runId, jobId } = await app.router.call('images.run', {
      assetIds: [assetId],
      extractor: { template: 'caption' }
    })
    await app.services.jobs.waitForSettled([jobId])
    expect((await app.router.call('images.run.view', { runId })).rows[0]).toMatchObject({ status: 'ok' })
    const sent = JSON.stringify(
      (fake.requestsTo('/chat/completions')[0]?.body as { messages: unknown[] }).messages
    )
    expect(sent).toContain('data:image/jpeg;base64,')
  })
})
