import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import type { WaitInfo } from '../../../src/main/ai/executor'
import { addProvider, FAST_RETRY, fakeOpenAI } from '../../support/ai'
import { testApp } from '../../support/app'

const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }] }

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  const provider = await addProvider(app, fake.baseURL)
  return { fake, app, ai: app.services.ai, provider }
}

describe('reliability', () => {
  it('waits as long as a 429 says (retry-after-ms / retry-after), then succeeds', async () => {
    const { fake, ai } = await setup()
    fake.fault({ kind: 'rate_limit', retryAfterMs: 300 })
    const waits: WaitInfo[] = []
    const started = Date.now()
    const result = await ai.chat(ask, { onWait: (w) => waits.push(w) })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(waits).toEqual([expect.objectContaining({ reason: 'rate-limit', delayMs: 300, attempt: 1 })])
    expect(result.attempts).toBe(2)
    fake.fault({ kind: 'rate_limit', resetTokens: '250ms' })
    const again: WaitInfo[] = []
    await ai.chat(ask, { onWait: (w) => again.push(w) })
    expect(again[0]?.delayMs).toBe(250)
  })

  it('does not retry insufficient_quota or a bad key, and says what to do', async () => {
    const { fake, ai } = await setup()
    fake.fault({ kind: 'insufficient_quota' })
    await expect(ai.chat(ask, { retry: FAST_RETRY })).rejects.toMatchObject({
      code: 'AI_QUOTA_EXCEEDED',
      message: expect.stringContaining('billing')
    })
    fake.fault({ kind: 'unauthorized' })
    await expect(ai.chat(ask, { retry: FAST_RETRY })).rejects.toMatchObject({
      code: 'AI_AUTH_FAILED',
      message: expect.stringContaining('Settings → Providers')
    })
    expect(fake.requestsTo('/chat/completions')).toHaveLength(2)
  })

  it('falls back to the next provider on repeated 503s, recording usage once, against the fallback', async () => {
    const primaryFake = await fakeOpenAI()
    const backupFake = await fakeOpenAI()
    const app = testApp()
    const backup = await addProvider(app, backupFake.baseURL, { name: 'Azure stand-in' })
    const primary = await addProvider(app, primaryFake.baseURL, {
      name: 'Primary',
      fallbackIds: [backup.id],
      isDefault: true
    })
    primaryFake.fault({ kind: 'server_error', status: 503 }, { times: 10 })
    const result = await app.services.ai.chat(ask, { retry: FAST_RETRY, requestKey: 'one-logical-request' })
    expect(result.providerId).toBe(backup.id)
    expect(primaryFake.requestsTo('/chat/completions')).toHaveLength(3)
    expect(backupFake.requestsTo('/chat/completions')).toHaveLength(1)
    expect(app.services.usage.recent(10).map((u) => u.providerId)).toEqual([backup.id])
    expect(primary.fallbackIds).toEqual([backup.id])
  })

  it('shrinks the request when the context is too long, as the pipeline asked', async () => {
    const { fake, ai } = await setup()
    const messages = [
      { role: 'system' as const, content: 'sys' },
      ...Array.from({ length: 6 }, (_, i) => ({
        role: (i % 2 ? 'assistant' : 'user') as 'user',
        content: `turn ${i}`
      }))
    ]
    fake.fault({ kind: 'context_length_exceeded' })
    await ai.chat({ model: 'gpt-4o-mini', messages, onContextTooLong: 'trim-oldest' })
    const sent = fake
      .requestsTo('/chat/completions')
      .map((r) => (r.body as { messages: unknown[] }).messages.length)
    expect(sent[0]).toBe(7)
    expect(sent[1]).toBeLessThan(7)
    fake.fault({ kind: 'context_length_exceeded' })
    const withImage = [
      {
        role: 'user' as const,
        content: [
          {
            type: 'image_url' as const,
            image_url: { url: 'data:image/png;base64,AA', detail: 'high' as const }
          }
        ]
      }
    ]
    await ai.chat({ model: 'gpt-4o-mini', messages: withImage, onContextTooLong: 'shrink-images' })
    expect(JSON.stringify(fake.requests.at(-1)?.body)).toContain('"detail":"low"')
    fake.fault({ kind: 'context_length_exceeded' })
    await expect(ai.chat({ model: 'gpt-4o-mini', messages, onContextTooLong: 'fail' })).rejects.toMatchObject(
      { code: 'AI_CONTEXT_TOO_LONG' }
    )
  })

  it('retries a stream cut mid-way from the start, flags the restart, and records one usage row', async () => {
    const { fake, ai, app } = await setup()
    fake.fault({ kind: 'cut_stream', afterEvents: 4 })
    const deltas: { text: string; restart: boolean }[] = []
    const result = await ai.chat(
      { ...ask, stream: true, onDelta: (d) => deltas.push(d) },
      { retry: FAST_RETRY, requestKey: 'k1' }
    )
    expect(result.attempts).toBe(2)
    expect(deltas.some((d) => d.restart)).toBe(true)
    expect(result.value.text?.length).toBeGreaterThan(20)
    expect(app.services.usage.recent(10)).toHaveLength(1)
    fake.fault({ kind: 'cut_stream', afterEvents: 5 }, { path: '/responses' })
    const streamed = await ai.respond(
      { model: 'gpt-4o-mini', input: 'x', stream: true },
      { retry: FAST_RETRY }
    )
    expect(streamed.attempts).toBe(2)
  })

  it('stops a stalled stream by inactivity (not a total timeout) and retries it', async () => {
    const { fake, ai } = await setup()
    fake.fault({ kind: 'stall_stream', afterEvents: 2 })
    const result = await ai.chat({ ...ask, stream: true }, { retry: FAST_RETRY, inactivityMs: 300 })
    expect(result.attempts).toBe(2)
    fake.fault({ kind: 'slow_first_byte', delayMs: 600 })
    const slow = await ai.chat({ ...ask, stream: true }, { retry: FAST_RETRY, inactivityMs: 5000 })
    expect(slow.attempts).toBe(1)
  })

  it('turns malformed JSON and stream errors into clear codes', async () => {
    const { fake, ai } = await setup()
    fake.fault({ kind: 'malformed_json' }, { times: 10 })
    await expect(ai.chat(ask, { retry: { ...FAST_RETRY, maxAttempts: 2 } })).rejects.toMatchObject({
      code: expect.stringMatching(/AI_BAD_RESPONSE|AI_STREAM_INTERRUPTED/)
    })
    fake.reset()
    fake.fault({ kind: 'context_length_exceeded' }, { path: '/responses' })
    await expect(ai.respond({ model: 'gpt-4o', input: 'x' })).rejects.toMatchObject({
      code: 'AI_CONTEXT_TOO_LONG'
    })
  })

  it('honours cancellation through AbortSignal', async () => {
    const { fake, ai } = await setup()
    fake.fault({ kind: 'hang' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    await expect(ai.chat(ask, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

describe('providers and keys', () => {
  it('talks to Azure with the deployments URL, api-version and api-key header', async () => {
    const fake = await fakeOpenAI()
    const app = testApp()
    await app.services.providers.save(null, {
      kind: 'azure',
      name: 'Azure',
      baseURL: fake.origin,
      apiVersion: '2025-04-01-preview',
      deployments: { 'gpt-4o-mini': 'my-mini' },
      apiKey: 'azure-key-456'
    })
    await app.services.ai.chat(ask)
    const request = fake.requests[0]
    expect(request?.path).toBe('/openai/deployments/my-mini/chat/completions')
    expect(request?.query['api-version']).toBe('2025-04-01-preview')
    expect(request?.headers['api-key']).toBe('azure-key-456')
    expect(request?.headers.authorization).toBeUndefined()
  })

  it('keeps keys out of the database, route results and logs', async () => {
    const fake = await fakeOpenAI()
    const logs: string[] = []
    const log = (m: string, f?: Record<string, unknown>) => logs.push(`${m} ${JSON.stringify(f ?? {})}`)
    const app = testApp({ logger: { debug: log, info: log, warn: log, error: log } })
    const saved = await addProvider(app, fake.baseURL)
    fake.fault({ kind: 'server_error' }, { times: 3 })
    await app.services.ai.chat(ask, { retry: FAST_RETRY }).catch(() => undefined)
    const listed = await app.router.handle('providers.list', {})
    expect(JSON.stringify(listed)).not.toContain('sk-test-secret-key-123')
    expect(listed).toMatchObject({ ok: true, data: [{ id: saved.id, hasKey: true, keySource: 'store' }] })
    app.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(app.paths.dbFile).includes('sk-test-secret-key-123')).toBe(false)
    expect(logs.join('\n')).not.toContain('sk-test-secret-key-123')
  })

  it('tests a connection: latency and models, or the error in plain words', async () => {
    const fake = await fakeOpenAI()
    const app = testApp()
    const provider = await addProvider(app, fake.baseURL)
    const ok = await app.services.ai.testProvider(provider.id)
    expect(ok).toMatchObject({ ok: true, error: null, models: expect.arrayContaining(['gpt-4o']) })
    fake.fault({ kind: 'unauthorized' })
    const bad = await app.services.ai.testProvider(provider.id)
    expect(bad).toMatchObject({ ok: false, error: { code: 'AI_AUTH_FAILED' } })
  })

  it('uses OPENAI_API_KEY and OPENAI_BASE_URL when no provider is configured', async () => {
    const fake = await fakeOpenAI()
    const app = testApp({ env: { ...process.env, OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: fake.baseURL } })
    const result = await app.services.ai.chat(ask)
    expect(result.providerId).toBe('env')
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-env')
    const noEnv = testApp({ env: {} })
    await expect(noEnv.services.ai.chat(ask)).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' })
    vi.restoreAllMocks()
  })
})
