import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { media, suiteTempDir } from '../support/temp'
import { scriptVideoReplies } from '../support/video-summary'
import { startHarness, type Harness } from './harness'

// What a new user meets in the first minutes: small windows, the job tray, the keyboard.
let h: Harness
let fake: FakeOpenAI
let videoId = ''
const dataDir = suiteTempDir('framewise-e2e-small-')

beforeAll(async () => {
  h = await startHarness({ dataDir, viewport: { width: 800, height: 700 } })
  fake = await startFakeOpenAI()
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e'
  })
  const { jobId } = h.app.services.library.startImport([
    media('video/tears-of-steel-battle-clip-medium.webm'),
    media('bad')
  ])
  await h.app.services.jobs.waitForSettled([jobId])
  videoId = h.app.services.library.list({ search: 'tears', limit: 1, offset: 0 }).items[0]?.id ?? ''
  scriptVideoReplies(fake, 70.54)
  const { jobId: summary } = await h.app.services.summaries.start(videoId, { maxFrames: 8 }, false)
  if (summary) await h.app.services.jobs.waitForSettled([summary])
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

describe('small windows', () => {
  for (const width of [800, 860, 1024]) {
    it(`keeps the player 16:9 with its controls and the panels below it at ${width} px`, async () => {
      const { page } = h
      await page.setViewportSize({ width, height: 700 })
      await page.goto(`${h.server.url}#/video/${videoId}`)
      await page.getByTestId('chapter').first().waitFor()
      const player = await page.getByTestId('video-player').boundingBox()
      expect(player?.width).toBeGreaterThan(width * 0.6)
      expect(Math.abs((player?.height ?? 0) - ((player?.width ?? 0) * 9) / 16)).toBeLessThan(4)
      const badge = page.getByTestId('video-duration')
      expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
      expect(await badge.textContent()).toMatch(/^\d+:\d\d$/)
      // The transcript panel comes after the player, not squeezed beside it.
      const side = await page.locator('.fw-video-side').boundingBox()
      expect(side?.y ?? 0).toBeGreaterThan((player?.y ?? 0) + (player?.height ?? 0))
      expect(h.errors).toEqual([])
    })
  }

  it('fits every job row inside the tray: no clipped badges, no sideways scrolling', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${h.server.url}#/library`)
    await page.getByTestId('job-tray-button').click()
    const tray = page.getByTestId('job-tray')
    await tray.waitFor()
    await page.waitForTimeout(300) // the dropdown's opening transition
    const box = await tray.boundingBox()
    const rows = page.locator('[data-testid=job-row]')
    expect(await rows.count()).toBeGreaterThan(2)
    for (const button of await page.locator('[data-testid=job-row] button').all()) {
      const b = await button.boundingBox()
      expect((b?.x ?? 0) + (b?.width ?? 0)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0))
    }
    const list = page.getByTestId('job-tray-list')
    expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    const failed = page.locator('[data-testid=job-row][data-job-state=failed]')
    await expect.poll(() => failed.count()).toBeGreaterThan(0)
    expect(await failed.first().getByTestId('job-error').textContent()).not.toMatch(
      /ffmpeg|Conversion failed|\|/i
    )
    await page.keyboard.press('Escape')
  })

  it('tabs through the sidebar before the page, shows a focus ring, and never lands on the hidden drop zone', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${h.server.url}#/library`)
    await page.locator('[data-testid=asset-card]').first().waitFor()
    const order: string[] = []
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab')
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          if (!el || el === document.body) return 'body'
          if (el.closest('[data-testid=import-dropzone]')) return 'dropzone'
          return el.dataset.testid ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName
        })
      )
    }
    expect(order).not.toContain('dropzone')
    const firstNav = order.indexOf('nav-library')
    const firstCard = order.indexOf('asset-card')
    expect(firstNav).toBeGreaterThanOrEqual(0)
    expect(firstCard).toBeGreaterThan(firstNav)
    const card = page.locator('[data-testid=asset-card]').first()
    await card.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element)
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
    })
    expect(outline.style).not.toBe('none')
    expect(outline.width).toBeGreaterThanOrEqual(2)
  })

  it('lists the keyboard shortcuts on Ctrl+/ and shows Ctrl+O on the import button', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/library`)
    await page.locator('[data-testid=asset-card]').first().waitFor()
    await page.keyboard.press('Control+/')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Import files')
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('import-files-button').getAttribute('aria-keyshortcuts')).toBe('Control+O')
  })
})
