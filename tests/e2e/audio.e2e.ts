import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai/server'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
let fake: FakeOpenAI
const LINES = [
  'And so, my fellow Americans,',
  'ask not what your country can do for you.',
  'We study the ionosphere every night.',
  'Ask what you can do for your country.'
]
const SRT_CUE = /^\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n.+$/su

beforeAll(async () => {
  fake = await startFakeOpenAI()
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-audio-') })
  await h.app.services.providers.save(null, {
    kind: 'openai',
    name: 'Fake OpenAI',
    baseURL: fake.baseURL,
    apiKey: 'sk-e2e-audio'
  })
})
afterAll(async () => {
  await h?.close()
  await fake?.close()
})

const player = () => h.page.getByTestId('video-player')
const playerTime = () => player().evaluate((el) => (el as HTMLMediaElement).currentTime)
const activeLine = () =>
  h.page.locator('[data-testid=transcript-line][data-active]').getAttribute('data-index', { timeout: 2000 })

describe('the Audio page in Chromium', () => {
  it('transcribes an imported recording, follows playback, seeks from a line, exports SRT, and is found by a spoken word', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/library`)
    await page.getByTestId('import-files-input').setInputFiles([media('audio/jfk.flac')])
    const card = page.locator('[data-testid=asset-card][data-asset-name="jfk.flac"]')
    await card.waitFor({ timeout: 60_000 })
    await card.click()
    await page.getByTestId('asset-transcribe').click()
    await page.getByTestId('page-audio-asset').waitFor()
    await expect
      .poll(() => page.getByTestId('transcribe-estimate').innerText(), { timeout: 15_000 })
      .toMatch(/Estimated \$[\d.]+ · 0.18 min in 1 piece/)
    expect(fake.requests).toHaveLength(0)

    fake.reply({ lines: LINES, lineEveryS: 2 }, { path: '/audio/transcriptions' })
    await page.getByTestId('transcribe-start').click()
    const lines = page.getByTestId('transcript-line')
    await expect.poll(() => lines.count(), { timeout: 30_000 }).toBe(6)
    expect(await page.getByTestId('transcript-cost').innerText()).toMatch(/Cost \$[\d.]+/)

    // The transcript follows playback.
    await player().evaluate(async (el) => {
      const media = el as HTMLMediaElement
      media.muted = true
      await media.play()
    })
    await expect.poll(playerTime, { timeout: 10_000 }).toBeGreaterThan(4.3)
    await player().evaluate((el) => (el as HTMLMediaElement).pause())
    const now = await playerTime()
    expect(Number(await activeLine())).toBe(Math.floor(now / 2))

    // A click on a line seeks the player there.
    await lines.nth(4).click()
    await expect.poll(playerTime).toBeCloseTo(8, 1)
    expect(await activeLine()).toBe('4')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('transcript-export')
        .click()
        .then(() => page.getByTestId('export-srt').click())
    ])
    expect(download.suggestedFilename()).toBe('jfk.srt')
    const cues = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n\n')
    expect(cues).toHaveLength(6)
    for (const cue of cues) expect(cue).toMatch(SRT_CUE)
    expect(cues[2]).toBe('3\n00:00:04,000 --> 00:00:06,000\nWe study the ionosphere every night.')

    // A spoken word finds the recording in the Library, and the result jumps to the moment.
    await page.getByTestId('nav-library').click()
    await page.getByTestId('library-search').fill('ionosphere')
    await expect.poll(() => page.getByTestId('asset-match').innerText()).toContain('ionosphere')
    await page.locator('[data-testid=asset-card][data-asset-name="jfk.flac"]').click()
    await page.getByTestId('asset-find-moment').click()
    await page.getByTestId('page-audio-asset').waitFor()
    await expect.poll(() => page.getByTestId('transcript-line').count()).toBe(1)
    await expect.poll(playerTime).toBeCloseTo(4, 1)
    expect(h.errors).toEqual([])
  })

  it('speaks 10,000 characters: the first piece plays while the rest are made, then one file as long as its pieces', async () => {
    const { page } = h
    const sentence = 'The quick brown fox jumps over the lazy dog, and the dog does not mind at all. '
    const text = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000)
    await page.getByTestId('nav-audio').click()
    await page.getByTestId('tab-speak').click()
    await page.getByTestId('speak-text').fill(text)
    await expect
      .poll(() => page.getByTestId('speak-estimate').innerText())
      .toMatch(/10,000 characters · \d pieces/)
    // Later pieces take a while, so the first is heard before they arrive.
    fake.fault({ kind: 'slow_first_byte', delayMs: 2500 }, { path: '/audio/speech', after: 1, times: 10 })
    await page.getByTestId('speak-start').click()
    const piece = page.getByTestId('speech-piece-audio')
    await expect.poll(() => piece.getAttribute('src'), { timeout: 20_000 }).toMatch(/^\/media\//)
    expect(await page.getByTestId('speech-player').getAttribute('data-status')).toBe('running')

    const joined = page.getByTestId('speech-audio')
    await joined.waitFor({ timeout: 60_000 })
    const duration = await joined.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const media = el as HTMLMediaElement
          if (media.readyState >= 1) resolve(media.duration)
          else media.addEventListener('loadedmetadata', () => resolve(media.duration), { once: true })
        })
    )
    const [speech] = await h.app.router.call('audio.speeches', {})
    const pieces = speech!.pieces.map((p) => p.durationS ?? 0)
    expect(pieces.length).toBeGreaterThanOrEqual(3)
    const sum = pieces.reduce((a, b) => a + b, 0)
    expect(Math.abs(duration - sum)).toBeLessThanOrEqual(0.2 * (pieces.length - 1))
    expect(h.errors).toEqual([])
  })
})
