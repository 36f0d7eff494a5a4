import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
let fake: FakeOpenAI

beforeAll(async () => {
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-gallery-') })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-gallery'
  })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

const items = () => h.page.getByTestId('gallery-item')

describe('the Gallery in Chromium', () => {
  it('generates two images, finds them by prompt, remixes, edits with a painted mask, shows lineage, and keeps it all after a reload', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/gallery`)
    await page.getByTestId('gallery-empty').waitFor()
    await page.getByTestId('gallery-prompt').fill('a red fox in fresh snow')
    await page.getByTestId('image-n').fill('2')
    await expect
      .poll(() => page.getByTestId('gallery-estimate').innerText(), { timeout: 15_000 })
      .toMatch(/About \$[\d.]+ for 2 images \(by tokens\)/)
    expect(fake.requestsTo('/images')).toHaveLength(0)
    await page.getByTestId('gallery-generate').click()

    // Both appear, with their thumbnails once those are made.
    await expect.poll(() => items().count(), { timeout: 60_000 }).toBe(2)
    await expect.poll(() => page.getByTestId('gallery-thumb').count(), { timeout: 60_000 }).toBe(2)
    // …and what they actually cost, from the usage the provider reported.
    await page.getByText(/2 images made and stored · \$\d+\.\d+/).waitFor()
    const sent = fake.requestsTo('/images/generations')[0]?.body as Record<string, unknown>
    expect(sent).toMatchObject({ prompt: 'a red fox in fresh snow', n: 2, model: 'gpt-image-1' })

    // A word of the prompt finds them; another word finds nothing.
    await page.getByTestId('gallery-search').fill('wolf')
    await expect.poll(() => items().count()).toBe(0)
    await page.getByTestId('gallery-search').fill('fox')
    await expect.poll(() => items().count()).toBe(2)

    // Open one: its prompt and parameters; what is in the prompt bar stays.
    await page.getByTestId('gallery-prompt').fill('half-written idea')
    await items().first().click()
    await page.getByTestId('gallery-detail').waitFor()
    expect(await page.getByTestId('detail-prompt').innerText()).toBe('a red fox in fresh snow')
    expect(await page.getByTestId('detail-params').innerText()).toContain('gpt-image-1')
    const parentId = await items().first().getAttribute('data-asset-id')
    expect(await page.getByTestId('gallery-prompt').inputValue()).toBe('half-written idea')

    // Remix fills the prompt bar with the same prompt and parameters.
    await page.getByTestId('gallery-prompt').fill('')
    await page.getByTestId('action-remix').click()
    expect(await page.getByTestId('gallery-prompt').inputValue()).toBe('a red fox in fresh snow')
    expect(await page.getByTestId('image-n').inputValue()).toBe('2')

    // Edit with a painted mask.
    await page.getByTestId('action-edit').click()
    const canvas = page.getByTestId('mask-canvas')
    await canvas.waitFor()
    const box = (await canvas.boundingBox())!
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35, { steps: 8 })
    await page.mouse.up()
    expect(await page.getByTestId('mask-coverage').innerText()).toMatch(/\d+ % of the image will change/)
    await page.getByTestId('edit-prompt').fill('make it night')
    await page.getByTestId('edit-send').click()
    await canvas.waitFor({ state: 'detached' })
    await page.getByTestId('gallery-search').fill('')
    await expect.poll(() => items().count(), { timeout: 60_000 }).toBe(3)
    const form = fake.requestsTo('/images/edits')[0]?.form as Record<string, { size: number } | string>
    expect(form.prompt).toBe('make it night')
    expect((form.mask as { size: number }).size).toBeGreaterThan(1000)

    // The new version (newest first) shows its parent.
    await items().first().click()
    await expect.poll(() => page.getByTestId('detail-prompt').innerText()).toBe('make it night')
    const parents = page.getByTestId('lineage-parents').getByTestId('lineage-thumb')
    expect(await parents.getAttribute('data-asset-id')).toBe(parentId)
    const childId = await items().first().getAttribute('data-asset-id')

    // After a reload everything is still there, and the parent lists its child.
    await page.reload()
    await expect.poll(() => items().count(), { timeout: 30_000 }).toBe(3)
    await page.goto(`${h.server.url}#/gallery/${parentId}`)
    await page.getByTestId('gallery-detail').waitFor()
    const children = page.getByTestId('lineage-children').getByTestId('lineage-thumb')
    expect(await children.getAttribute('data-asset-id')).toBe(childId)
  })

  it('moves through the gallery with the arrow keys, and deletes with Delete after confirming', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/gallery`)
    await expect.poll(() => items().count(), { timeout: 30_000 }).toBe(3)
    await page.getByTestId('gallery-grid').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator('[data-testid=gallery-item][data-selected]').count()).toBe(1)
    const first = await page
      .locator('[data-testid=gallery-item][data-selected]')
      .getAttribute('data-asset-id')
    await page.keyboard.press('ArrowRight')
    const second = await page
      .locator('[data-testid=gallery-item][data-selected]')
      .getAttribute('data-asset-id')
    expect(second).not.toBe(first)
    await page.getByTestId('gallery-grid').focus()
    await page.keyboard.press('Delete')
    await page.getByTestId('confirm-delete').click()
    await expect.poll(() => items().count(), { timeout: 15_000 }).toBe(2)
    expect(await page.locator(`[data-testid=gallery-item][data-asset-id="${second}"]`).count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('shows a prompt refused by moderation as such, and stores nothing', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/gallery`)
    await expect.poll(() => items().count(), { timeout: 30_000 }).toBe(2)
    fake.fault({ kind: 'moderation_blocked' }, { path: '/images/generations' })
    await page.getByTestId('gallery-prompt').fill('something the safety system refuses')
    await page.getByTestId('gallery-generate').click()
    const failed = page.getByTestId('run-failed')
    await failed.waitFor({ timeout: 30_000 })
    expect(await failed.innerText()).toMatch(/Refused by the provider’s safety system[\s\S]*safety system/)
    expect(await items().count()).toBe(2)
  })

  it('edits a library photo from its details, and the new image names the photo as its parent', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/library`)
    await page.getByTestId('import-files-input').setInputFiles([media('image/Landscape_6.jpg')])
    const card = page.locator('[data-testid=asset-card][data-asset-name="Landscape_6.jpg"]')
    await card.waitFor({ timeout: 60_000 })
    await card.click()
    await page.getByTestId('asset-edit-image').click()
    await page.getByTestId('mask-canvas').waitFor()
    await page.getByTestId('edit-prompt').fill('turn the sky orange')
    await expect
      .poll(() => page.getByTestId('edit-estimate').innerText())
      .toMatch(/About \$[\d.]+ for 1 image/)
    await page.getByTestId('edit-send').click()
    await expect
      .poll(() => page.locator('[data-testid=gallery-item][aria-label="turn the sky orange"]').count(), {
        timeout: 60_000
      })
      .toBe(1)
    await page.locator('[data-testid=gallery-item][aria-label="turn the sky orange"]').click()
    const parent = page.getByTestId('lineage-parents').getByTestId('lineage-thumb')
    expect(await parent.getAttribute('aria-label')).toContain('Landscape_6.jpg')
    expect(h.errors).toEqual([])
  })
})
