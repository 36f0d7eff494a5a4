import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language, ThemeMode } from '../../src/shared/domain/settings'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { ROOT } from '../support/spawn'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

// Writes a PNG of every page in light and dark, English and 简体中文, so the UI can be reviewed
// without Electron (npm run screenshots). Each page must render without errors.
const OUT = join(ROOT, 'artifacts', 'screenshots')
const PAGES = ['library', 'video', 'images', 'audio', 'gallery', 'playground', 'batch', 'usage', 'settings']
const dataDir = suiteTempDir('framewise-shots-')
let h: Harness
let fake: FakeOpenAI

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  h = await startHarness({ dataDir, viewport: { width: 1440, height: 900 } })
  const { jobId } = h.app.services.library.startImport([
    media('video/tears-of-steel-battle-clip-medium.webm'),
    media('video/flower.mp4'),
    media('image'),
    media('audio/jfk.flac')
  ])
  await h.app.services.jobs.waitForSettled([jobId])
  // A provider and a few priced calls, so Settings and Usage show real content.
  fake = await startFakeOpenAI()
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-screenshots'
  })
  for (const [model, input, cached] of [
    ['gpt-4o-mini', 12000, 8000],
    ['gpt-4o', 3000, 0],
    ['gpt-4o-mini', 5000, 4000]
  ] as const) {
    fake.reply({ text: 'ok', usage: { input, cached, output: 400 } })
    await h.app.services.ai.chat({ model, messages: [{ role: 'user', content: 'hello' }] })
  }
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

describe('screenshots of every page', () => {
  for (const language of ['en', 'zh-CN'] as Language[]) {
    for (const theme of ['light', 'dark'] as ThemeMode[]) {
      it(`renders every page in ${language} / ${theme}`, async () => {
        h.app.services.settings.update({ language, theme })
        const { page } = h
        await page.goto(`${h.server.url}#/library`)
        await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(theme)
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
        for (const name of PAGES) {
          await page.getByTestId(`nav-${name}`).click()
          if (name === 'library')
            await expect
              .poll(() => page.locator('[data-testid=asset-card][data-thumb-state=ready]').count())
              .toBeGreaterThan(5)
          await page.waitForTimeout(150)
          await page.screenshot({ path: join(OUT, `${language}-${theme}-${name}.png`) })
        }
        await page.getByTestId('nav-library').click()
        await page.locator('[data-testid=asset-card]').first().click()
        await page.getByTestId('asset-drawer-name').waitFor()
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(OUT, `${language}-${theme}-library-details.png`) })
        await page.keyboard.press('Escape')
        await page.getByTestId('job-tray-button').click()
        await page.getByTestId('job-tray').waitFor()
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(OUT, `${language}-${theme}-jobs.png`) })
        await page.keyboard.press('Escape')
        expect(h.errors).toEqual([])
      })
    }
  }
})
