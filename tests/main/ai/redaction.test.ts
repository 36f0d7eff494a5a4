import { describe, expect, it, vi } from 'vitest'
import { AppError, toErrorInfo } from '../../../src/shared/errors'
import { createStderrLogger } from '../../../src/main/platform/logger'
import { FAST_RETRY, fakeOpenAI } from '../../support/ai'
import { testApp } from '../../support/app'

// Not sk- shaped: only the executor's list of configured keys can find it in a message.
const KEY = 'gw-key-NotShapedLikeOpenAI-0123456789'
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }] }

async function setup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await app.services.providers.save(null, {
    kind: 'openai',
    name: 'Echoing gateway',
    baseURL: fake.baseURL,
    apiKey: KEY,
    isDefault: true
  })
  return { fake, app }
}

function logged(run: (logger: ReturnType<typeof createStderrLogger>) => void): string {
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    run(createStderrLogger('debug'))
    return write.mock.calls.map((call) => String(call[0])).join('')
  } finally {
    write.mockRestore()
  }
}

describe('provider messages leave the AI layer without keys', () => {
  it('redacts a 400 that echoes the Authorization header and the key', async () => {
    const { fake, app } = await setup()
    fake.fault({ kind: 'echo_authorization' })
    const caught = (await app.services.ai
      .chat(ask, { retry: FAST_RETRY })
      .catch((e: unknown) => e)) as AppError
    // The fake really saw (and echoed) the key, so the assertions below mean something.
    expect(fake.requestsTo('/chat/completions')[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(caught).toBeInstanceOf(AppError)
    expect(caught.code).toBe('AI_INVALID_REQUEST')
    expect(caught.message).toContain('[redacted]')
    expect(caught.message).toContain('this gateway takes another header')
    expect(caught.message).not.toContain(KEY)
    expect(String(caught.stack)).not.toContain(KEY)
    expect(JSON.stringify(toErrorInfo(caught))).not.toContain(KEY)
    expect(JSON.stringify(caught.details)).not.toContain(KEY)
    expect(String((caught.cause as Error | undefined)?.message ?? '')).not.toContain(KEY)
    const line = logged((logger) =>
      logger.error('ai call failed', {
        error: String(caught),
        stack: caught.stack,
        cause: String(caught.cause)
      })
    )
    expect(line).toContain('ai call failed')
    expect(line).not.toContain(KEY)
  })

  it('gives the CLI (the router) an error envelope without the key', async () => {
    const { fake, app } = await setup()
    fake.fault({ kind: 'echo_authorization' })
    const result = await app.router.handle('ai.ask', { prompt: 'hello', model: 'gpt-4o-mini' })
    expect(result).toMatchObject({ ok: false, error: { code: 'AI_INVALID_REQUEST' } })
    expect(JSON.stringify(result)).not.toContain(KEY)
  })
})
