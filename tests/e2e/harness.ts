import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createApp, type FramewiseApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { startWebServer, type WebServer } from '../../src/main/server/web-server'
import { ROOT } from '../support/spawn'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RENDERER = join(ROOT, 'out', 'renderer')

export interface Harness {
  app: FramewiseApp
  server: WebServer
  browser: Browser
  page: Page
  errors: string[]
  close(): Promise<void>
}

/** The built renderer, the whole core and Debian Chromium, wired as `framewise serve` wires them. */
export async function startHarness(options: {
  dataDir: string
  viewport?: { width: number; height: number }
  /** More Chromium switches (the Voice test's fake microphone). */
  chromiumArgs?: string[]
}): Promise<Harness> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build')
  const app = createApp({
    dataDir: options.dataDir,
    version: '0.0.0-e2e',
    secretStore: new MemorySecretStore(),
    strict: true
  })
  const server = await startWebServer({ app, rendererDir: RENDERER, port: 0 })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.chromiumArgs ?? [])
    ]
  })
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1360, height: 860 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return {
    app,
    server,
    browser,
    page,
    errors,
    async close() {
      await browser.close()
      await server.close()
      await app.close()
    }
  }
}
