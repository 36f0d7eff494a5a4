import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHevcVideo } from '../support/generate-media'
import { suiteTempDir, tempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ dataDir: suiteTempDir('framewise-e2e-playable-') })
})
afterAll(async () => {
  await h?.close()
})

describe('a phone video this window cannot play', () => {
  it('gets a playable copy from the Video page, and the player then loads it', async () => {
    const { page } = h
    await page.goto(`${h.server.url}#/library`)
    await page.getByTestId('import-files-input').setInputFiles([makeHevcVideo(tempDir())])
    const card = page.locator('[data-testid=asset-card][data-asset-name="phone.mp4"]')
    await card.waitFor({ timeout: 60_000 })
    await card.click()
    await page.getByTestId('asset-open-video').click()
    await page.getByTestId('page-video-asset').waitFor()
    // Chromium cannot decode HEVC (it plays the sound over a black picture): the page says so and
    // offers the copy.
    await page.getByTestId('make-playable').click({ timeout: 30_000 })
    await expect
      .poll(() => page.getByTestId('video-player').getAttribute('data-copy'), { timeout: 60_000 })
      .toBe('true')
    expect(await page.getByTestId('playing-copy').count()).toBe(1)
    const duration = await page.getByTestId('video-player').evaluate(
      (v) =>
        new Promise<number>((resolve, reject) => {
          const video = v as HTMLVideoElement
          if (video.readyState >= 1) return resolve(video.duration)
          video.addEventListener('loadedmetadata', () => resolve(video.duration), { once: true })
          video.addEventListener('error', () => reject(new Error('the copy did not play')), { once: true })
        })
    )
    expect(duration).toBeCloseTo(6, 0)
    expect(await page.getByTestId('player-unplayable').count()).toBe(0)
  })
})
