import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language, ThemeMode } from '../../src/shared/domain/settings'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { ROOT } from '../support/spawn'
import { media, suiteTempDir } from '../support/temp'
import { scriptVideoReplies } from '../support/video-summary'
import { seedGallery, shootGallery } from './gallery-screens'
import { seedPlayground, shootPlayground, type PlaygroundSeed } from './playground-screens'
import { startHarness, type Harness } from './harness'

// Writes a PNG of every page in light and dark, English and 简体中文, so the UI can be reviewed
// without Electron (npm run screenshots). Each page must render without errors.
const OUT = join(ROOT, 'artifacts', 'screenshots')
const PAGES = [
  'library',
  'video',
  'images',
  'audio',
  'gallery',
  'voice',
  'playground',
  'batch',
  'usage',
  'settings'
]
const dataDir = suiteTempDir('framewise-shots-')
let h: Harness
let fake: FakeOpenAI
let tearsId = ''
let jfkId = ''
let galleryEditId = ''
let playground: PlaygroundSeed

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
  tearsId = await summariseTears()
  jfkId = await transcribeJfk()
  galleryEditId = (await seedGallery(h.app)).editId
  playground = await seedPlayground(h.app, fake)
})

/** A summarised video with one question asked, so the Video page shows everything it can. */
async function summariseTears(): Promise<string> {
  const list = h.app.services.library.list({ search: 'tears', limit: 1, offset: 0 })
  const id = list.items[0]?.id
  if (!id) throw new Error('Tears of Steel was not imported')
  scriptVideoReplies(fake, 70.54)
  const { jobId } = await h.app.services.summaries.start(id, { maxFrames: 16 }, false)
  if (jobId) await h.app.services.jobs.waitForSettled([jobId])
  fake.reply(
    { text: 'The robot breaks through at [00:31], after the soldiers take position at [00:05].' },
    { path: '/responses' }
  )
  await h.app.services.summaries.ask(id, 'When does the robot break through?')
  return id
}
/** A transcript with two speakers (one named, one line edited) and a speech, so the Audio page shows them. */
async function transcribeJfk(): Promise<string> {
  const id = h.app.services.library.list({ search: 'jfk', limit: 1, offset: 0 }).items[0]?.id
  if (!id) throw new Error('jfk.flac was not imported')
  // The summary's scripted transcriptions are used up first; these lines are for this one.
  fake.reset()
  fake.reply(
    {
      lines: [
        'And so, my fellow Americans,',
        'ask not what your country can do for you;',
        'ask what you can do for your country.',
        'My fellow citizens of the world:'
      ],
      lineEveryS: 2.5,
      speakers: ['A', 'B']
    },
    { path: '/audio/transcriptions' }
  )
  const { jobId, transcriptId } = await h.app.router.call('audio.transcribe', {
    assetId: id,
    options: { model: 'gpt-4o-transcribe-diarize' }
  })
  if (jobId) await h.app.services.jobs.waitForSettled([jobId])
  const view = await h.app.router.call('audio.transcript', {
    assetId: id,
    transcriptId: transcriptId ?? undefined
  })
  await h.app.router.call('audio.transcript.update', {
    transcriptId: view!.id,
    edits: [{ index: 1, text: 'ask not what your country can do for you —' }],
    speakers: { A: 'President Kennedy' }
  })
  const spoken = await h.app.router.call('audio.speak', {
    text: 'Ask not what your country can do for you. Ask what you can do for your country. '.repeat(30),
    model: 'tts-1',
    voice: 'onyx'
  })
  await h.app.services.jobs.waitForSettled([spoken.jobId])
  return id
}
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
          if (name === 'audio') await page.getByTestId('audio-choice').first().waitFor()
          if (name === 'gallery') await page.getByTestId('gallery-thumb').first().waitFor()
          if (name === 'settings') await page.getByTestId('provider-row').first().waitFor()
          await page.waitForTimeout(150)
          await page.screenshot({ path: join(OUT, `${language}-${theme}-${name}.png`) })
        }
        // The provider editor, with its list of capabilities.
        await page.getByTestId('provider-edit').first().click()
        await page.getByTestId('provider-base-url').waitFor()
        await page.waitForTimeout(200)
        await page.screenshot({ path: join(OUT, `${language}-${theme}-settings-provider.png`) })
        await page.keyboard.press('Escape')
        await page.getByTestId('provider-base-url').waitFor({ state: 'detached' })
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
        await page.goto(`${h.server.url}#/video/${tearsId}`)
        await expect.poll(() => page.getByTestId('chapter').count()).toBe(2)
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(OUT, `${language}-${theme}-video-summary.png`) })
        // The workspace must stay usable in small windows: the player keeps 16:9 and its controls.
        for (const width of [800, 1024]) {
          await page.setViewportSize({ width, height: 900 })
          await page.waitForTimeout(300)
          await page.screenshot({ path: join(OUT, `${language}-${theme}-video-summary-${width}.png`) })
        }
        await page.setViewportSize({ width: 1440, height: 900 })
        await page.getByTestId('tab-ask').click()
        await page.getByTestId('citation').first().waitFor()
        await page.screenshot({ path: join(OUT, `${language}-${theme}-video-questions.png`) })
        await page.getByTestId('nav-video').click()
        await page.locator('[data-testid=video-choice]', { hasText: 'flower.mp4' }).click()
        await page.getByTestId('estimate').waitFor()
        await page.screenshot({ path: join(OUT, `${language}-${theme}-video-start.png`) })
        await page.goto(`${h.server.url}#/audio/${jfkId}`)
        await expect.poll(() => page.getByTestId('transcript-line').count()).toBeGreaterThan(3)
        for (const width of [1440, 1024, 800]) {
          await page.setViewportSize({ width, height: 900 })
          await page.waitForTimeout(300)
          await page.screenshot({ path: join(OUT, `${language}-${theme}-audio-transcript-${width}.png`) })
        }
        await page.goto(`${h.server.url}#/audio`)
        await page.locator('[data-testid=audio-choice]', { hasText: 'flower.mp4' }).click()
        await page.getByTestId('transcribe-estimate').filter({ hasText: /\$/ }).waitFor()
        await page.screenshot({ path: join(OUT, `${language}-${theme}-audio-start-800.png`) })
        await page.setViewportSize({ width: 1440, height: 900 })
        await page.goto(`${h.server.url}#/audio/speak`)
        await page.getByTestId('speak-text').fill('Ask not what your country can do for you. '.repeat(120))
        await page.getByTestId('speech-history').waitFor()
        for (const width of [800, 1440]) {
          await page.setViewportSize({ width, height: 900 })
          await page.waitForTimeout(400)
          await page.screenshot({ path: join(OUT, `${language}-${theme}-audio-speak-${width}.png`) })
        }
        await shootGallery(page, h.server.url, OUT, `${language}-${theme}`, galleryEditId)
        await shootPlayground(page, h.server.url, OUT, `${language}-${theme}`, playground)
        expect(h.errors).toEqual([])
      })
    }
  }
})
