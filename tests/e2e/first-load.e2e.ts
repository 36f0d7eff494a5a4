import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/spawn'
import { media, suiteTempDir } from '../support/temp'
import { startHarness, type Harness } from './harness'

// The first thing a user waits for: the Library on a cold load. The time is measured and printed
// (and written to artifacts/first-load.json), not asserted; what is asserted is the cause of a slow
// start: the bundle the first page needs.
const RENDERER = join(ROOT, 'out', 'renderer')
let h: Harness
const dataDir = suiteTempDir('framewise-e2e-load-')

beforeAll(async () => {
  h = await startHarness({ dataDir })
  const { jobId } = h.app.services.library.startImport([media('image'), media('video/flower.mp4')])
  await h.app.services.jobs.waitForSettled([jobId])
})
afterAll(async () => h?.close())

describe('first load', () => {
  it('ships the Library with the shell and every other page as its own chunk', () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
    const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1]
    expect(entry).toBeTruthy()
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\/?([^"]+)"/g)].map(
      (m) => m[1] ?? ''
    )
    const firstLoadBytes = [entry ?? '', ...preloaded].reduce(
      (sum, file) => sum + statSync(join(RENDERER, file)).size,
      0
    )
    expect(firstLoadBytes).toBeLessThan(1_200_000)
    const entrySource = readFileSync(join(RENDERER, entry ?? ''), 'utf8')
    // Charts (Usage) and the video workspace are not part of the first download.
    // (Booleans, so a failure does not print a megabyte of minified code.)
    expect(entrySource.includes('recharts')).toBe(false)
    expect(entrySource.includes('UsagePage-')).toBe(true)
    expect(entrySource.includes('VideoPage-')).toBe(true)
  })

  it('shows the first Library card on a cold load (measured)', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const started = Date.now()
    await page.goto(`${h.server.url}#/library`)
    await page.locator('[data-testid=asset-card]').first().waitFor()
    const wallMs = Date.now() - started
    const navigation = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      return {
        domContentLoadedMs: Math.round(nav?.domContentLoadedEventEnd ?? 0),
        nowMs: Math.round(performance.now())
      }
    })
    const figures = { firstCardMs: navigation.nowMs, wallMs, ...navigation }
    writeFileSync(join(ROOT, 'artifacts', 'first-load.json'), `${JSON.stringify(figures, null, 2)}\n`)
    process.stdout.write(
      `first load: first Library card after ${figures.firstCardMs} ms (wall ${wallMs} ms)\n`
    )
    await context.close()
  })
})
