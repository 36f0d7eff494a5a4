import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// End-to-end: the built renderer in Debian Chromium against the whole core. One file at a time,
// because each starts a browser and the CI machine has two cores.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000
  }
})
