import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { FramewiseApp } from '../../../../src/main/app/create-app'
import type { EditInput, GenerateInput } from '../../../../src/shared/domain/gallery'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { testApp } from '../../../support/app'
import { recordedPng } from '../../../support/fake-openai/images'
import { media, tempDir } from '../../../support/temp'

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  return { fake, app }
}

async function settle(app: FramewiseApp, started: { jobId: string; runId: string }) {
  await app.services.jobs.waitForSettled([started.jobId])
  return {
    job: app.services.jobs.get(started.jobId),
    run: await app.router.call('gallery.run', { runId: started.runId })
  }
}

const generate = async (app: FramewiseApp, input: GenerateInput) =>
  settle(app, await app.router.call('gallery.generate', input))
const edit = async (app: FramewiseApp, input: EditInput) =>
  settle(app, await app.router.call('gallery.edit', input))

/** A PNG mask of this size, transparent (to be edited) in its left half. */
async function halfMask(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 4, 255)
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width / 2; x += 1) pixels[(y * width + x) * 4 + 3] = 0
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer()
}

describe('generating images into the library', () => {
  it('stores two real PNGs as image assets with their prompt, parameters, usage and cost, found by prompt', async () => {
    const { fake, app } = await setup()
    const request = {
      prompt: 'a red fox in fresh snow',
      model: 'gpt-image-1',
      size: '1024x1024',
      quality: 'high',
      n: 2
    }
    const estimate = await app.router.call('gallery.estimate', { request })
    // 4160 output tokens per high 1024² image at $40/M, plus the prompt at $5/M.
    expect(estimate).toMatchObject({ basis: 'tokens', images: 2, perImageUsd: 0.1664 })
    expect(estimate.costUsd).toBeCloseTo(2 * 0.1664 + (6 * 5) / 1e6, 6)

    const { job, run } = await generate(app, request)
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    expect(run).toMatchObject({ status: 'complete', operation: 'generate', model: 'gpt-image-1' })
    expect(run.params).toMatchObject({ size: '1024x1024', quality: 'high', n: 2 })
    expect(run.images).toHaveLength(2)
    const sent = fake.requestsTo('/images/generations')[0]?.body as Record<string, unknown>
    expect(sent).toMatchObject({ model: 'gpt-image-1', n: 2, size: '1024x1024', quality: 'high' })
    expect(sent).not.toHaveProperty('response_format')
    // Usage as the recording reports it, priced: 22 input and 12,480 output tokens.
    expect(run.usage).toMatchObject({ inputTokens: 22, outputTokens: 12480 })
    expect(run.costUsd).toBeCloseTo((22 * 5 + 12480 * 40) / 1e6, 6)

    for (const image of run.images) {
      const file = app.services.blobs.absolutePath(image.path)
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG')
      expect(image).toMatchObject({ width: 1024, height: 1024, format: 'png' })
      const asset = await app.router.call('library.get', { id: image.assetId })
      expect(asset).toMatchObject({ kind: 'image', name: 'a red fox in fresh snow.png' })
    }
    const found = await app.router.call('gallery.list', { search: 'fox' })
    expect(found.items.map((i) => i.assetId).sort()).toEqual(run.images.map((i) => i.assetId).sort())
    expect(found.items[0]).toMatchObject({ prompt: 'a red fox in fresh snow', model: 'gpt-image-1' })
    expect(found.models).toEqual(['gpt-image-1'])
    // The library's own search finds them by prompt too.
    const library = await app.router.call('library.list', { search: 'snow', limit: 10 })
    expect(library.items).toHaveLength(2)
    expect((await app.router.call('gallery.list', { search: 'wolf' })).items).toHaveLength(0)
  })

  it('searches Chinese prompts, two-character words included, and filters by model, favourites and date', async () => {
    const { app } = await setup()
    const first = await generate(app, {
      prompt: '一只在雪地里的红狐狸',
      model: 'gpt-image-1',
      size: '1024x1024'
    })
    const second = await generate(app, {
      prompt: 'a lighthouse at dusk',
      model: 'dall-e-3',
      size: '1024x1792',
      quality: 'hd'
    })
    expect(second.run.revisedPrompt).toMatch(/lighthouse/)
    // HD 1024×1792 is $0.12, three times the $0.04 of the table's 1024² standard image.
    expect(second.run.costUsd).toBeCloseTo(0.12, 6)
    const fox = first.run.images[0]!.assetId
    expect((await app.router.call('gallery.list', { search: '狐狸' })).items.map((i) => i.assetId)).toEqual([
      fox
    ])
    expect((await app.router.call('gallery.list', { search: '红狐狸' })).items.map((i) => i.assetId)).toEqual(
      [fox]
    )
    expect((await app.router.call('gallery.list', { search: 'detailed' })).items).toHaveLength(1)
    const byModel = await app.router.call('gallery.list', { model: 'dall-e-3' })
    expect(byModel.items.map((i) => i.model)).toEqual(['dall-e-3'])
    await app.router.call('gallery.favourite', { assetId: fox, favourite: true })
    const favourites = await app.router.call('gallery.list', { favourites: true })
    expect(favourites.items.map((i) => i.assetId)).toEqual([fox])
    expect(favourites.items[0]?.favourite).toBe(true)
    const all = await app.router.call('gallery.list', {})
    expect(all.items.map((i) => i.prompt)).toEqual(['a lighthouse at dusk', '一只在雪地里的红狐狸'])
    expect((await app.router.call('gallery.list', { to: '2000-01-01' })).items).toHaveLength(0)
    const page = await app.router.call('gallery.list', { limit: 1 })
    const next = await app.router.call('gallery.list', { limit: 1, cursor: page.nextCursor! })
    expect([...page.items, ...next.items].map((i) => i.assetId)).toEqual(all.items.map((i) => i.assetId))
  })

  it('refuses sizes, qualities and counts the model does not take before sending anything', async () => {
    const { fake, app } = await setup()
    await expect(
      app.router.call('gallery.generate', { prompt: 'x', model: 'dall-e-3', size: '512x512' })
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('1024x1024, 1792x1024, 1024x1792'),
      details: { allowedSizes: ['1024x1024', '1792x1024', '1024x1792'] }
    })
    await expect(
      app.router.call('gallery.generate', { prompt: 'x', model: 'dall-e-3', size: '1024x1024', n: 2 })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { maxN: 1 } })
    await expect(
      app.router.call('gallery.generate', { prompt: 'x', model: 'gpt-image-1', quality: 'hd' })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(
      app.router.call('gallery.generate', {
        prompt: 'x',
        model: 'gpt-image-1',
        background: 'transparent',
        outputFormat: 'jpeg'
      })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(app.router.call('gallery.generate', { prompt: '   ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED'
    })
    expect(fake.requestsTo('/images')).toHaveLength(0)
  })

  it('shows a moderation block as a refusal with the provider’s words, stores nothing and records no charge', async () => {
    const { fake, app } = await setup()
    fake.fault({ kind: 'moderation_blocked' }, { path: '/images/generations' })
    const { job, run } = await generate(app, { prompt: 'something not allowed', model: 'gpt-image-1' })
    expect(job.state).toBe('failed')
    expect(job.error).toMatchObject({ code: 'AI_REFUSED', message: expect.stringContaining('safety system') })
    expect(run).toMatchObject({ status: 'failed', images: [], costUsd: 0, error: { code: 'AI_REFUSED' } })
    expect((await app.router.call('gallery.list', {})).items).toHaveLength(0)
    expect((await app.router.call('library.list', {})).items).toHaveLength(0)
    expect(app.services.usage.recent(10)).toHaveLength(0)
  })

  it('counts base64 that is not an image as a failed request, logs it and stores nothing', async () => {
    const { fake, app } = await setup()
    fake.reply(
      { text: Buffer.from('this is not a picture').toString('base64') },
      { path: '/images/generations' }
    )
    const { job, run } = await generate(app, { prompt: 'a fox', model: 'dall-e-2', size: '256x256' })
    expect(job.error).toMatchObject({ code: 'AI_BAD_RESPONSE' })
    expect(run).toMatchObject({ status: 'failed', images: [] })
    expect((await app.router.call('library.list', {})).items).toHaveLength(0)
  })

  it('shows partial images as they arrive when streaming', async () => {
    const { fake, app } = await setup()
    const partials: number[] = []
    app.bus.on('gallery.partial', (p) => {
      expect(p.dataUrl).toMatch(/^data:image\/jpeg;base64,/)
      partials.push(p.index)
    })
    const { run } = await generate(app, { prompt: 'a fox', model: 'gpt-image-1', partialImages: 2 })
    expect(run.status).toBe('complete')
    expect((fake.requestsTo('/images/generations')[0]?.body as { stream: boolean }).stream).toBe(true)
    expect(partials).toEqual([0, 1])
  })
})

describe('editing images', () => {
  it('edits with a painted mask and a reference, keeping the mask and the lineage parent → child', async () => {
    const { fake, app } = await setup()
    const { run: made } = await generate(app, { prompt: 'a quiet street', model: 'gpt-image-1', n: 2 })
    const [source, reference] = made.images
    const mask = await halfMask(1024, 1024)
    const { job, run } = await edit(app, {
      source: { assetId: source!.assetId },
      references: [{ assetId: reference!.assetId }],
      prompt: 'make it night',
      mask: { pngBase64: mask.toString('base64') },
      model: 'gpt-image-1'
    })
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded')
    expect(run).toMatchObject({ operation: 'edit', parentAssetIds: [source!.assetId, reference!.assetId] })
    const form = fake.requestsTo('/images/edits')[0]?.form as Record<string, unknown>
    expect(form.prompt).toBe('make it night')
    expect([form.image, form['image[]']].flat().filter(Boolean)).toHaveLength(2)
    expect((form.mask as { size: number }).size).toBeGreaterThan(0)
    const maskFile = app.services.blobs.absolutePath(run.maskPath!)
    expect(await sharp(maskFile).metadata()).toMatchObject({ width: 1024, height: 1024, hasAlpha: true })

    const child = run.images[0]!.assetId
    const detail = await app.router.call('gallery.detail', { assetId: child })
    expect(detail.item).toMatchObject({ parentAssetId: source!.assetId, prompt: 'make it night' })
    expect(detail.parents.map((p) => p.assetId)).toEqual([source!.assetId, reference!.assetId])
    expect(detail.chain.map((i) => i.assetId)).toEqual([source!.assetId, child])
    const parent = await app.router.call('gallery.detail', { assetId: source!.assetId })
    expect(parent.children.map((c) => c.assetId)).toEqual([child])

    // Deleting the edit removes its files but not the mask's other holders or the parent.
    await app.router.call('library.delete', { ids: [child] })
    expect(existsSync(maskFile)).toBe(false)
    expect((await app.router.call('gallery.detail', { assetId: source!.assetId })).children).toEqual([])
  })

  it('scales a mask of the same shape, and refuses one of another shape with both sizes', async () => {
    const { app } = await setup()
    const { run: made } = await generate(app, { prompt: 'a field', model: 'gpt-image-1' })
    const source = { assetId: made.images[0]!.assetId }
    const small = await halfMask(256, 256)
    const scaled = await edit(app, {
      source,
      prompt: 'add rain',
      mask: { pngBase64: small.toString('base64') }
    })
    expect(scaled.run.params).toMatchObject({ maskResized: true })
    const wide = await halfMask(300, 200)
    await expect(
      app.router.call('gallery.edit', {
        source,
        prompt: 'add rain',
        mask: { pngBase64: wide.toString('base64') }
      })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('300×200') })
    const opaque = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    await expect(
      app.router.call('gallery.edit', { source, prompt: 'x', mask: { pngBase64: opaque.toString('base64') } })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('transparen') })
  })

  it('edits a photo given as a file (imported first), and makes DALL·E 2 variations of a square one', async () => {
    const { fake, app } = await setup()
    const dir = tempDir('gallery-photo-')
    const photo = join(dir, 'photo.png')
    writeFileSync(photo, await sharp(recordedPng()).resize(512, 512).toBuffer())
    const wide = join(dir, 'wide.png')
    writeFileSync(wide, await sharp(recordedPng()).resize(512, 256, { fit: 'fill' }).toBuffer())
    await expect(
      app.router.call('gallery.edit', {
        source: { path: wide },
        mode: 'variation',
        model: 'dall-e-2',
        size: '512x512'
      })
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('512×256') })
    const { run } = await edit(app, {
      source: { path: photo },
      mode: 'variation',
      model: 'dall-e-2',
      n: 2,
      size: '512x512'
    })
    expect(run).toMatchObject({ status: 'complete', operation: 'variation' })
    expect(run.images).toHaveLength(2)
    expect(fake.requestsTo('/images/variations')).toHaveLength(1)
    const photoAsset = run.parentAssetIds[0]!
    expect((await app.router.call('library.get', { id: photoAsset })).name).toBe('photo.png')
    const parents = (await app.router.call('gallery.detail', { assetId: run.images[0]!.assetId })).parents
    expect(parents[0]).toMatchObject({ assetId: photoAsset, item: null })
  })

  it('sends GIF and EXIF-turned photos upright as PNG, so a mask painted on what the user saw lines up', async () => {
    const { fake, app } = await setup()
    for (const name of ['Portrait_5.jpg', 'rotating-squares.gif']) {
      fake.reset()
      const { run } = await edit(app, { source: { path: media('image', name) }, prompt: 'warmer light' })
      expect(run.status, JSON.stringify(run.error)).toBe('complete')
      const asset = await app.router.call('library.get', { id: run.parentAssetIds[0]! })
      const form = fake.requestsTo('/images/edits')[0]?.form as Record<string, unknown>
      const sent = [form.image, form['image[]']].flat().find(Boolean) as { filename: string; content: Buffer }
      expect(sent.filename).toBe('source-0.png')
      const meta = await sharp(sent.content).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(['png', asset.width, asset.height])
    }
  })

  it('continues a conversation of edits with previous_response_id, each turn a new linked version', async () => {
    const { fake, app } = await setup()
    const { run: made } = await generate(app, { prompt: 'a cat and an otter', model: 'gpt-image-1' })
    const first = await edit(app, {
      source: { assetId: made.images[0]!.assetId },
      prompt: 'make it night',
      mode: 'conversation',
      model: 'gpt-image-1'
    })
    expect(first.run).toMatchObject({ status: 'complete', revisedPrompt: expect.stringContaining('otter') })
    expect(first.run.responseId).toMatch(/^resp_/)
    const firstBody = fake.requestsTo('/responses')[0]?.body as Record<string, unknown>
    expect(firstBody.previous_response_id).toBeUndefined()
    expect(JSON.stringify(firstBody.input)).toContain('input_image')
    const second = await edit(app, {
      source: { assetId: first.run.images[0]!.assetId },
      prompt: 'now add rain',
      mode: 'conversation',
      model: 'gpt-image-1'
    })
    const secondBody = fake.requestsTo('/responses')[1]?.body as Record<string, unknown>
    expect(secondBody).toMatchObject({ previous_response_id: first.run.responseId, input: 'now add rain' })
    const detail = await app.router.call('gallery.detail', { assetId: second.run.images[0]!.assetId })
    expect(detail.chain.map((i) => i.prompt)).toEqual(['a cat and an otter', 'make it night', 'now add rain'])
    expect(second.run.costUsd).toBeGreaterThan(0)

    // A turn the model answers in words only is a failed request, with its words.
    fake.reply({ text: 'I would rather not.' }, { path: '/responses' })
    const wordy = await edit(app, {
      source: { assetId: second.run.images[0]!.assetId },
      prompt: 'and a rainbow',
      mode: 'conversation'
    })
    expect(wordy.run).toMatchObject({ status: 'failed', images: [], error: { code: 'AI_TOOL_NOT_CALLED' } })
    expect(wordy.run.error?.message).toContain('I would rather not.')
  })
})

describe('storing an image made elsewhere (the Playground’s image tool)', () => {
  it('keeps it as a library asset with its generation record and lineage', async () => {
    const { app } = await setup()
    const { run: made } = await generate(app, { prompt: 'a harbour', model: 'gpt-image-1' })
    const stored = await app.services.gallery.storeGeneratedImage({
      image: recordedPng().toString('base64'),
      prompt: 'the harbour at night',
      revisedPrompt: 'A harbour at night with lanterns',
      model: 'gpt-image-1',
      params: { size: '1024x1024', quality: 'high' },
      parentAssetIds: [made.images[0]!.assetId],
      responseId: 'resp_123',
      usage: { inputTokens: 10, outputTokens: 20 },
      costUsd: 0.17
    })
    expect(stored).toMatchObject({ width: 1024, height: 1024, format: 'png' })
    const detail = await app.router.call('gallery.detail', { assetId: stored.assetId })
    expect(detail.item).toMatchObject({
      operation: 'tool',
      prompt: 'the harbour at night',
      revisedPrompt: 'A harbour at night with lanterns',
      responseId: 'resp_123',
      costUsd: 0.17,
      parentAssetId: made.images[0]!.assetId
    })
    expect(detail.chain).toHaveLength(2)
    expect((await app.router.call('gallery.list', { search: 'lanterns' })).items).toHaveLength(1)
    await expect(
      app.services.gallery.storeGeneratedImage({
        image: 'bm90IGFuIGltYWdl',
        prompt: 'x',
        model: 'gpt-image-1'
      })
    ).rejects.toMatchObject({ code: 'AI_BAD_RESPONSE' })
  })
})
