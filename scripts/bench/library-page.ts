// The Library page on a cold load in Debian Chromium: the built renderer and the whole core behind
// the web harness, wired as tests/e2e/harness.ts wires them (that file belongs to the e2e
// TypeScript project, which scripts cannot import), timed from navigation start to the first card.
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { createApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { startWebServer } from '../../src/main/server/web-server'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

async function coldLoad(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.goto(`${url}#/library`)
    await page.locator(selector).first().waitFor({ timeout: 30_000 })
    return await page.evaluate(() => performance.now())
  } finally {
    await context.close()
  }
}

async function measure(
  root: string,
  browser: Browser,
  dataDir: string,
  selector: string,
  runs: number
): Promise<number> {
  // As `framewise serve` runs it (strict: false), without its job queue: nothing here is queued.
  const app = createApp({
    dataDir,
    version: 'bench',
    secretStore: new MemorySecretStore(),
    strict: false,
    runJobs: false
  })
  const server = await startWebServer({ app, rendererDir: join(root, 'out', 'renderer'), port: 0 })
  try {
    await coldLoad(browser, server.url, selector) // warms the server's file reads, as a second launch would
    const times: number[] = []
    for (let i = 0; i < runs; i += 1) times.push(await coldLoad(browser, server.url, selector))
    return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
  } finally {
    await server.close()
    await app.close()
  }
}

/** Median time to the empty state on an empty library and to the first card on the seeded one. */
export async function firstCardBench(
  root: string,
  emptyDir: string,
  seededDir: string,
  runs: number
): Promise<{ empty: number; seeded: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  try {
    const empty = await measure(root, browser, emptyDir, '[data-testid=library-empty]', runs)
    const seeded = await measure(root, browser, seededDir, '[data-testid=asset-card]', runs)
    return { empty, seeded }
  } finally {
    await browser.close()
  }
}
