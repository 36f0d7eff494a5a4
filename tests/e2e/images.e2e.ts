import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language, ThemeMode } from '../../src/shared/domain/settings'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { ROOT } from '../support/spawn'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

const OUT = join(ROOT, 'artifacts', 'screenshots')
const RECEIPT = {
  merchant: 'Blue Bottle Coffee',
  date: '2024-03-09',
  currency: 'USD',
  total: 12.5,
  tax: 1.1,
  line_items: [{ description: 'Latte', quantity: 2, amount: 12.5 }]
}
const PHOTOS = ['Landscape_6.jpg', 'Portrait_5.jpg', 'blackbug.png']

let h: Harness
let fake: FakeOpenAI

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  // Polls every 50 ms instead of every 30 s, so the fake's batch completes within the test.
  process.env.FRAMEWISE_BATCH_POLL_MS = '50'
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-images-') })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-images'
  })
  const { jobId } = h.app.services.library.startImport(PHOTOS.map((name) => media(`image/${name}`)))
  await h.app.services.jobs.waitForSettled([jobId])
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

async function shot(name: string, language: Language, theme: ThemeMode, width: number): Promise<void> {
  const { page } = h
  h.app.services.settings.update({ language, theme })
  await page.setViewportSize({ width, height: 900 })
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
  await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(theme)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(OUT, `${language}-${theme}-${name}-${width}.png`) })
}

async function everyLook(name: string): Promise<void> {
  for (const [language, theme, width] of [
    ['en', 'light', 1440],
    ['zh-CN', 'dark', 800],
    ['en', 'dark', 1024],
    ['zh-CN', 'light', 1440]
  ] as const)
    await shot(name, language, theme, width)
  h.app.services.settings.update({ language: 'en', theme: 'light' })
  await h.page.setViewportSize({ width: 1360, height: 860 })
}

describe('the Images and Batch pages in Chromium', () => {
  it('picks 3 library images, runs the Receipt template, edits a cell, exports it, and runs it again as a Batch at half the cost', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/library`)
    await expect
      .poll(() => page.locator('[data-testid=asset-card][data-thumb-state=ready]').count(), {
        timeout: 30_000
      })
      .toBe(3)
    for (const name of PHOTOS)
      await page
        .locator(`[data-testid=asset-card][data-asset-name="${name}"] [data-testid=asset-pick]`)
        .click()
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toContain('3 files selected')
    await page.getByTestId('extract-picked').click()
    await page.getByTestId('page-images').waitFor()
    expect(await page.getByTestId('selected-images').innerText()).toContain('3 images')

    await page.getByTestId('extractor-select').click()
    await page.getByRole('option', { name: 'Receipt' }).click()
    await expect
      .poll(() => page.getByTestId('extract-estimate').innerText(), { timeout: 15_000 })
      .toMatch(/Estimated \$[\d.]+ · as a Batch \$[\d.]+/)
    expect(await page.getByTestId('extract-estimate').innerText()).toContain('at high detail')
    expect(fake.requests).toHaveLength(0)
    await everyLook('images-new-run')

    fake.reply({ json: RECEIPT, usage: { input: 1200, output: 80 } }, { path: '/chat/completions', times: 3 })
    await page.getByTestId('run-now').click()
    const rows = page.locator('[data-testid=result-row][data-status=ok]')
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3)
    expect(await page.getByTestId('results-grid').innerText()).toContain('Blue Bottle Coffee')
    const directRunId = page.url().split('/').pop() as string
    await everyLook('images-run')

    // Edit a cell: the row shows the edit, the model's answer stays beside it.
    await rows.first().click()
    await page.getByTestId('field-merchant').waitFor()
    await page.getByTestId('field-merchant').fill('Café Étoile')
    await page.getByTestId('save-row').click()
    await expect.poll(() => page.getByTestId('results-grid').innerText()).toContain('Café Étoile')
    expect(await page.getByTestId('row-json').innerText()).toContain('Blue Bottle Coffee')
    await everyLook('images-row')
    await page.keyboard.press('Escape')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('export-run')
        .click()
        .then(() => page.getByTestId('export-csv').click())
    ])
    const csv = readFileSync((await download.path()) as string, 'utf8')
    expect(csv.startsWith('\uFEFFfile,status,merchant,')).toBe(true)
    expect(csv).toContain('Café Étoile')
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4)

    // The same run as a Batch: the fake completes it after a few polls.
    fake.batchBehaviour({ pollsToComplete: 3 })
    fake.reply({ json: RECEIPT, usage: { input: 1200, output: 80 } }, { path: '/batches/line', times: 3 })
    await page.getByTestId('run-again').click()
    await page.getByTestId('run-again-batch').click()
    await expect.poll(() => page.url()).not.toContain(directRunId)
    await page.getByTestId('nav-batch').click()
    await page.getByTestId('page-batch').waitFor()
    await expect
      .poll(() => page.locator('[data-testid=batch-row]').first().getAttribute('data-state'), {
        timeout: 30_000
      })
      .toBe('completed')
    await expect.poll(() => page.getByTestId('batch-cost').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.getByTestId('batch-saved').innerText()).toMatch(/saved \$[\d.]+/)
    await everyLook('batch')

    await page.getByTestId('batch-open-run').click()
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3)
    const batchRunId = page.url().split('/').pop() as string
    const direct = await h.app.router.call('images.run.view', { runId: directRunId })
    const batch = await h.app.router.call('images.run.view', { runId: batchRunId })
    expect(batch.mode).toBe('batch')
    expect(direct.costUsd).toBeGreaterThan(0)
    expect(batch.costUsd / direct.costUsd).toBeCloseTo(0.5, 2)
    expect(h.errors).toEqual([])
  })

  it('makes an extractor from a field table and shows what strict mode would refuse in a pasted schema', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/images`)
    await page.getByTestId('extractor-new').click()
    await page.getByTestId('extractor-name').waitFor()
    await page.getByTestId('extractor-name').fill('Plant labels')
    await page.getByTestId('extractor-instructions').fill('Read the plant label.')
    await page.getByTestId('field-row').first().getByLabel('Field', { exact: true }).fill('species')
    await page.getByTestId('add-field').click()
    await page.getByTestId('field-row').nth(1).getByLabel('Field', { exact: true }).fill('height_cm')
    await page.getByTestId('tab-schema').click()
    const schema = page.getByTestId('schema-input')
    expect(await schema.inputValue()).toContain('"additionalProperties": false')
    await schema.fill('{"type":"object","properties":{"a":{"type":"string","not":{}}}}')
    await page.getByTestId('schema-issues').waitFor()
    expect(await page.getByTestId('schema-issues').innerText()).toMatch(/required|additionalProperties|not/)
    expect(await page.getByTestId('extractor-save').isDisabled()).toBe(true)
    await everyLook('images-extractor-editor')
    await page.getByTestId('tab-fields').click()
    await page.getByTestId('tab-schema').click()
    await schema.fill(
      '{"type":"object","properties":{"species":{"type":"string"}},"required":["species"],"additionalProperties":false}'
    )
    await expect.poll(() => page.getByTestId('schema-issues').count()).toBe(0)
    await page.getByTestId('extractor-save').click()
    await expect.poll(() => page.getByTestId('extractor-select').inputValue()).toBe('Plant labels')
    expect(h.errors).toEqual([])
  })
})
