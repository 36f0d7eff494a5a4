import { describe, expect, it } from 'vitest'
import { testApp } from '../../support/app'

const save = (provider: Record<string, unknown>) =>
  testApp().router.handle('providers.save', {
    id: null,
    provider: { kind: 'custom', name: 'Mine', ...provider }
  })

describe('provider addresses are http(s) only', () => {
  it.each([
    ['baseURL', 'javascript:alert(1)'],
    ['baseURL', 'file:///etc/passwd'],
    ['baseURL', 'data:text/plain,hi'],
    ['baseURL', 'ftp://example.com/v1'],
    ['proxy', 'javascript:alert(1)'],
    ['proxy', 'socks5://127.0.0.1:1080'],
    ['proxy', 'file:///tmp/proxy']
  ])('refuses %s %s', async (field, value) => {
    const result = await save({ [field]: value })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    if (!result.ok) expect(result.error.message).toContain(field)
  })

  it('accepts http and https addresses', async () => {
    const result = await save({ baseURL: 'http://127.0.0.1:11434/v1', proxy: 'https://proxy.example:8443' })
    expect(result).toMatchObject({ ok: true, data: { baseURL: 'http://127.0.0.1:11434/v1' } })
  })
})
