import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
const dataDir = suiteTempDir('framewise-e2e-')

beforeAll(async () => {
  h = await startHarness({ dataDir })
})
afterAll(async () => h?.close())

const cards = () => h.page.locator('[data-testid=asset-card]')

describe('library in Chromium against the local web UI', () => {
  it('imports two images and a video through the UI, with progress in the job tray and thumbnails', async () => {
    const { page } = h
    await page.goto(h.server.url)
    await page.getByTestId('library-empty').waitFor()
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { seenActive: string[] }).seenActive = seen
      new MutationObserver(() => {
        const button = document.querySelector('[data-testid=job-tray-button]') as HTMLElement | null
        if (button) seen.push(button.dataset.activeJobs ?? '')
      }).observe(document.body, {
        subtree: true,
        attributes: true,
        childList: true,
        attributeFilter: ['data-active-jobs']
      })
    })
    await page
      .getByTestId('import-files-input')
      .setInputFiles([
        media('image/Landscape_6.jpg'),
        media('image/Portrait_8.jpg'),
        media('video/flower.mp4')
      ])
    await expect
      .poll(() => page.locator('[data-testid=asset-card][data-thumb-state=ready]').count(), {
        timeout: 60_000
      })
      .toBe(3)
    const seen = await page.evaluate(() => (window as unknown as { seenActive: string[] }).seenActive)
    expect(seen.some((count) => Number(count) > 0)).toBe(true)
    await expect.poll(() => page.getByTestId('job-tray-button').getAttribute('data-active-jobs')).toBe('0')
    const thumbsLoaded = () =>
      page
        .locator('[data-testid=asset-thumb]')
        .evaluateAll((imgs) =>
          imgs.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
        )
    await expect.poll(thumbsLoaded, { timeout: 15_000 }).toEqual([true, true, true])
    await page.getByTestId('job-tray-button').click()
    await expect.poll(() => page.locator('[data-testid=job-row][data-job-state=succeeded]').count()).toBe(4)
    await page.keyboard.press('Escape')
  })

  it('finds one file by name through full-text search', async () => {
    const { page } = h
    await page.getByTestId('library-search').fill('landscape')
    await expect.poll(() => cards().count()).toBe(1)
    expect(await cards().first().getAttribute('data-asset-name')).toBe('Landscape_6.jpg')
    await page.getByTestId('library-search').fill('')
    await expect.poll(() => cards().count()).toBe(3)
  })

  it('opens the detail drawer with the metadata of a video', async () => {
    const { page } = h
    await page.locator('[data-testid=asset-card][data-asset-name="flower.mp4"]').click()
    await page.getByTestId('asset-drawer-name').waitFor()
    const properties = await page.getByTestId('asset-properties').innerText()
    expect(properties).toContain('960 × 540')
    expect(properties).toContain('h264')
    await page.keyboard.press('Escape')
  })

  it('switches to 简体中文, and after a reload the library and the language are still there', async () => {
    const { page } = h
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-language').click()
    await page.getByRole('option', { name: '简体中文' }).click()
    await expect.poll(() => page.getByTestId('nav-library').innerText()).toBe('资料库')
    await page.reload()
    await page.getByTestId('nav-library').click()
    await expect.poll(() => cards().count()).toBe(3)
    expect(await page.getByTestId('nav-library').innerText()).toBe('资料库')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(h.errors).toEqual([])
  })
})
