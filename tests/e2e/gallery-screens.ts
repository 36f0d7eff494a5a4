import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from 'playwright-core'
import type { FramewiseApp } from '../../src/main/app/create-app'
import type { EditInput, GenerateInput } from '../../src/shared/domain/gallery'

async function settle(app: FramewiseApp, started: { jobId: string; runId: string }) {
  await app.services.jobs.waitForSettled([started.jobId])
  return app.router.call('gallery.run', { runId: started.runId })
}

/** A gallery with generations of three models, an edit with a mask and a conversation turn. */
export async function seedGallery(app: FramewiseApp): Promise<{ editId: string }> {
  const generate = async (input: GenerateInput) =>
    settle(app, await app.router.call('gallery.generate', input))
  const edit = async (input: EditInput) => settle(app, await app.router.call('gallery.edit', input))
  const first = await generate({
    prompt: 'A cute gray tabby cat hugging an otter wearing an orange scarf, watercolour',
    model: 'gpt-image-1',
    size: '1024x1024',
    quality: 'high',
    n: 2
  })
  await generate({
    prompt: 'a lighthouse at dusk, long exposure',
    model: 'dall-e-3',
    size: '1024x1024',
    quality: 'hd'
  })
  await generate({
    prompt: '雪地里的一只红狐狸，水墨画风格',
    model: 'gpt-image-1',
    size: '1024x1024',
    quality: 'medium'
  })
  const source = first.images[0]!.assetId
  await app.router.call('gallery.favourite', { assetId: source, favourite: true })
  const width = 1024
  const pixels = Buffer.alloc(width * width * 4, 255)
  for (let y = 300; y < 700; y += 1) for (let x = 200; x < 800; x += 1) pixels[(y * width + x) * 4 + 3] = 0
  const mask = await sharp(pixels, { raw: { width, height: width, channels: 4 } })
    .png()
    .toBuffer()
  const edited = await edit({
    source: { assetId: source },
    prompt: 'make it night, with lanterns',
    mask: { pngBase64: mask.toString('base64') },
    model: 'gpt-image-1',
    size: '1024x1024'
  })
  const turn = await edit({
    source: { assetId: edited.images[0]!.assetId },
    prompt: 'now add gentle rain',
    mode: 'conversation',
    model: 'gpt-image-1'
  })
  return { editId: edited.images[0]!.assetId ?? turn.images[0]!.assetId }
}

/** The gallery at 1440, 1024 and 800 px, with an image open (lineage panel) at 1440 and 800, and the editor with a painted mask. */
export async function shootGallery(page: Page, url: string, out: string, prefix: string, editId: string) {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${url}#/gallery/${editId}`)
  await page.getByTestId('lineage-panel').waitFor()
  await page.locator('[data-testid=gallery-thumb]').first().waitFor()
  await page.getByTestId('lineage-panel').scrollIntoViewIfNeeded()
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(out, `${prefix}-gallery-lineage-1440.png`) })
  await page.goto(`${url}#/gallery`)
  await page.getByTestId('gallery-prompt').fill('a red fox in fresh snow, morning light')
  await page.getByTestId('gallery-estimate').waitFor()
  await page.waitForTimeout(300)
  for (const width of [1440, 1024, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(out, `${prefix}-gallery-${width}.png`) })
  }
  await page.goto(`${url}#/gallery/${editId}`)
  await page.getByTestId('lineage-panel').waitFor()
  await page.getByTestId('lineage-panel').scrollIntoViewIfNeeded()
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(out, `${prefix}-gallery-lineage-800.png`) })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByTestId('action-edit').click()
  const canvas = page.getByTestId('mask-canvas')
  await canvas.waitFor()
  await page.getByTestId('edit-prompt').fill('replace the scarf with a knitted blue one')
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.55)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.65, box.y + box.height * 0.6, { steps: 10 })
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.68, { steps: 10 })
  await page.mouse.up()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(out, `${prefix}-gallery-editor-1440.png`) })
  await page.setViewportSize({ width: 800, height: 900 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(out, `${prefix}-gallery-editor-800.png`) })
  await page.keyboard.press('Escape')
  await page.setViewportSize({ width: 1440, height: 900 })
}
