import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { media, suiteTempDir } from '../support/temp'
import { scriptVideoReplies } from '../support/video-summary'
import { startHarness, type Harness } from './harness'

let h: Harness
let fake: FakeOpenAI
const DURATION = 70.54

beforeAll(async () => {
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-video-') })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-video'
  })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

const playerTime = () =>
  h.page.getByTestId('video-player').evaluate((v) => (v as HTMLVideoElement).currentTime)

describe('the Video page in Chromium', () => {
  it('imports Tears of Steel, summarises it with visible stages, and seeks the player from a chapter', async () => {
    const { page, app } = h
    await page.goto(`${h.server.url}#/library`)
    await page
      .getByTestId('import-files-input')
      .setInputFiles([media('video/tears-of-steel-battle-clip-medium.webm')])
    const card = page.locator(
      '[data-testid=asset-card][data-asset-name="tears-of-steel-battle-clip-medium.webm"]'
    )
    await card.waitFor({ timeout: 60_000 })
    await card.click()
    await page.getByTestId('asset-open-video').click()
    await page.getByTestId('page-video-asset').waitFor()
    expect(await page.getByTestId('video-name').innerText()).toContain('tears-of-steel')

    // The estimate is there before anything is paid for.
    await expect
      .poll(() => page.getByTestId('estimate').innerText(), { timeout: 15_000 })
      .toMatch(/Estimated \$/)
    expect(fake.requests).toHaveLength(0)

    scriptVideoReplies(fake, DURATION)
    // A slow answer keeps the last stage on screen long enough to see it.
    fake.fault({ kind: 'slow_first_byte', delayMs: 1500 }, { path: '/chat/completions' })
    const stages: string[] = []
    app.bus.on('job.updated', (job) => job.stage && !stages.includes(job.stage) && stages.push(job.stage))
    await page.getByTestId('summarize-start').click()
    await expect
      .poll(() => page.getByTestId('pipeline-progress').getAttribute('data-stage'), { timeout: 30_000 })
      .toBe('summarising')
    expect(stages).toEqual(['probing', 'selecting-keyframes', 'transcribing', 'summarising'])

    const chapters = page.getByTestId('chapter')
    await expect.poll(() => chapters.count(), { timeout: 30_000 }).toBe(2)
    expect(await page.getByTestId('summary-title').innerText()).toBe('The battle on the bridge')
    expect(await page.getByTestId('filmstrip-frame').count()).toBeGreaterThan(2)
    await expect.poll(() => page.getByTestId('transcript-line').count()).toBe(3)
    expect(await page.getByTestId('cost-line').innerText()).toMatch(/Cost \$[\d.]+/)

    await page
      .getByTestId('video-player')
      .evaluate(
        (v) =>
          new Promise((resolve) =>
            (v as HTMLVideoElement).readyState >= 1
              ? resolve(null)
              : v.addEventListener('loadedmetadata', resolve, { once: true })
          )
      )
    expect(await page.getByTestId('player-unplayable').count()).toBe(0)
    const second = chapters.nth(1)
    const start = Number(await second.getAttribute('data-start'))
    expect(start).toBeGreaterThan(20)
    await second.click()
    await expect.poll(playerTime).toBeCloseTo(start, 0)
    await expect.poll(() => second.getAttribute('data-active')).toBe('true')

    await page.getByTestId('transcript-line').nth(1).click()
    await expect.poll(playerTime).toBeCloseTo(4.2, 0)
  })

  it('exports Markdown with the chapters', async () => {
    const { page } = h
    await page.getByTestId('export-menu').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-md').click()
    ])
    expect(download.suggestedFilename()).toBe('tears-of-steel-battle-clip-medium.md')
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).toContain('## Chapters')
    expect(text).toContain('Holding the bridge')
    expect(text).toMatch(/\[00:28–01:10\] The robot attacks/)
    expect(text).toContain('[00:04] We need more time')
  })

  it('answers a question with a timestamp that seeks the player', async () => {
    const { page } = h
    fake.reply(
      { text: 'The robot breaks through at [00:31], after the soldiers take position.' },
      { path: '/responses' }
    )
    await page.getByTestId('tab-ask').click()
    await page.getByTestId('qa-input').fill('When does the robot break through?')
    await page.getByTestId('qa-send').click()
    const citation = page.getByTestId('citation')
    await citation.waitFor({ timeout: 15_000 })
    expect(await citation.innerText()).toBe('[00:31]')
    await citation.click()
    await expect.poll(playerTime).toBeCloseTo(31, 0)
    expect(h.errors).toEqual([])
  })

  it('runs again on purpose, asking only for a new summary and reusing the stored transcript', async () => {
    const { page } = h
    const before = fake.requests.length
    await page.getByTestId('summarize-rerun').click()
    await page.getByTestId('summarize-start').click()
    await expect.poll(() => fake.requestsTo('/chat/completions').length, { timeout: 30_000 }).toBe(2)
    await expect.poll(() => page.getByTestId('chapter').count(), { timeout: 30_000 }).toBe(2)
    expect(fake.requests.length - before).toBe(1)
    expect(fake.requestsTo('/audio/transcriptions')).toHaveLength(1)
  })
})
