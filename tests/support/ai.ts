import { createServer } from 'node:net'
import { afterEach } from 'vitest'
import type { FramewiseApp } from '../../src/main/app/create-app'
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai/server'

const fakes: FakeOpenAI[] = []

export async function fakeOpenAI(options: { port?: number } = {}): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI(options)
  fakes.push(fake)
  return fake
}

afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close()
})

/** Adds an OpenAI-kind provider pointing at the fake server, with a key in the key store. */
export async function addProvider(
  app: FramewiseApp,
  baseURL: string,
  extra: { name?: string; fallbackIds?: string[]; isDefault?: boolean } = {}
) {
  return app.services.providers.save(null, {
    kind: 'openai',
    name: extra.name ?? 'Fake OpenAI',
    baseURL,
    apiKey: 'sk-test-secret-key-123',
    fallbackIds: extra.fallbackIds,
    isDefault: extra.isDefault
  })
}

export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 }

/** A port nothing listens on (yet): a provider there is "offline" until a fake starts on it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}
