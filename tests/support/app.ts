import { createApp, type AppConfig, type FramewiseApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { afterEach } from 'vitest'
import { tempDir } from './temp'

const open: FramewiseApp[] = []

/** A whole core on a fresh data folder, closed after the test. */
export function testApp(overrides: Partial<AppConfig> = {}): FramewiseApp {
  const app = createApp({
    dataDir: overrides.dataDir ?? tempDir('framewise-data-'),
    version: '0.0.0-test',
    secretStore: new MemorySecretStore(),
    strict: true,
    ...overrides
  })
  open.push(app)
  return app
}

afterEach(async () => {
  for (const app of open.splice(0)) await app.close()
})

/** Imports through the job queue and waits for the import and its thumbnails. */
export async function importAndWait(app: FramewiseApp, paths: string[]) {
  const { jobId } = app.services.library.startImport(paths)
  await app.services.jobs.waitForSettled([jobId])
  return app.services.jobs.get(jobId)
}
