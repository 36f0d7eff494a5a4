import { describe, expect, it, vi } from 'vitest'
import { createStderrLogger } from '../../../src/main/platform/logger'
import { redactDeep, redactSecrets } from '../../../src/main/platform/redact'

describe('redactSecrets', () => {
  it('removes header values, bearer tokens and sk- shaped keys', () => {
    const text = [
      'Authorization: Bearer abc.def-ghi',
      '{"api-key":"0123456789abcdef0123456789abcdef","x":1}',
      'x-api-key=plainvalue42',
      'Incorrect API key provided: sk-proj-AbCdEf0123456789_xyz.',
      'also sk-or-v1-0123456789abcdef and sk-ant-api03-zzzzzzzzzz',
      'proxy http://alice:s3cretpass@proxy.local:8080'
    ].join('\n')
    const out = redactSecrets(text)
    for (const secret of [
      'abc.def-ghi',
      '0123456789abcdef0123456789abcdef',
      'plainvalue42',
      'sk-proj-AbCdEf0123456789_xyz',
      'sk-or-v1-0123456789abcdef',
      'sk-ant-api03-zzzzzzzzzz',
      's3cretpass'
    ])
      expect(out).not.toContain(secret)
    expect(out).toContain('[redacted]')
    expect(out).toContain('Incorrect API key provided: [redacted].')
    expect(out).toContain('http://alice:[redacted]@proxy.local:8080')
  })

  it('removes every configured secret wherever it appears, and leaves ordinary text alone', () => {
    const key = 'azure0123456789KEYabcdef'
    expect(redactSecrets(`key ${key} was refused (${key})`, [key, null, undefined, ''])).toBe(
      'key [redacted] was refused ([redacted])'
    )
    const plain = 'The model gpt-4o-mini answered in 3 s; see Settings → Providers (ask-me-later).'
    expect(redactSecrets(plain, ['x'])).toBe(plain)
  })

  it('redacts strings inside nested details without changing their shape', () => {
    const details = { status: 400, fix: 'Bearer sk-abcdefghijkl', nested: [{ note: 'secret-xyz-123' }] }
    expect(redactDeep(details, ['secret-xyz-123'])).toEqual({
      status: 400,
      fix: 'Bearer [redacted]',
      nested: [{ note: '[redacted]' }]
    })
  })
})

describe('logger redaction', () => {
  it('never writes a key into a log line, in the message or in any field', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const logger = createStderrLogger('info')
      logger.error('provider said: Authorization: Bearer sk-test-secret-key-123', {
        error: 'Error: 400 You sent Bearer sk-test-secret-key-123',
        context: { request: { header: 'Bearer sk-test-secret-key-123' } }
      })
      const line = String(write.mock.calls[0]?.[0])
      expect(line).not.toContain('sk-test-secret-key-123')
      expect(JSON.parse(line)).toMatchObject({ level: 'error', error: expect.stringContaining('[redacted]') })
    } finally {
      write.mockRestore()
    }
  })
})
