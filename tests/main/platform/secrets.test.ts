import { readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createStderrLogger, redactFields } from '../../../src/main/platform/logger'
import { FileSecretStore } from '../../../src/main/platform/secrets/file-secret-store'
import { envNameFor } from '../../../src/main/platform/secrets/secret-store'
import { testApp } from '../../support/app'
import { tempDir } from '../../support/temp'

describe('FileSecretStore', () => {
  it('keeps keys in a file only the user can read, outside the database', async () => {
    const dir = tempDir()
    const file = join(dir, 'secrets.json')
    const store = new FileSecretStore(file, {})
    await store.set('provider.openai.apiKey', 'sk-test-123')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await store.get('provider.openai.apiKey')).toBe('sk-test-123')
    await store.delete('provider.openai.apiKey')
    expect(await store.get('provider.openai.apiKey')).toBeNull()
  })

  it('repairs loosened permissions and lets an environment variable win', async () => {
    const dir = tempDir()
    const file = join(dir, 'secrets.json')
    writeFileSync(file, JSON.stringify({ a: 'from-file' }))
    chmodSync(file, 0o644)
    const store = new FileSecretStore(
      file,
      { [envNameFor('b')]: 'from-env', OPENAI_API_KEY: 'sk-env' },
      { c: 'OPENAI_API_KEY' }
    )
    expect(await store.get('a')).toBe('from-file')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await store.get('b')).toBe('from-env')
    expect(await store.get('c')).toBe('sk-env')
  })

  it('reports a damaged key file with a clear code', async () => {
    const file = join(tempDir(), 'secrets.json')
    writeFileSync(file, '{not json', { mode: 0o600 })
    await expect(new FileSecretStore(file, {}).get('x')).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE'
    })
  })

  it('never writes a key into the library database', async () => {
    const dataDir = tempDir()
    const app = testApp({ dataDir, secretStore: new FileSecretStore(join(dataDir, 'secrets.json'), {}) })
    await app.services.secrets.set('provider.openai.apiKey', 'sk-do-not-store-me')
    app.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(app.paths.dbFile).includes('sk-do-not-store-me')).toBe(false)
  })
})

describe('logger', () => {
  it('redacts fields that look like secrets and writes JSON lines to stderr', () => {
    expect(redactFields({ apiKey: 'sk-1', authorization: 'Bearer x', file: 'a.mp4' })).toEqual({
      apiKey: '[redacted]',
      authorization: '[redacted]',
      file: 'a.mp4'
    })
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    createStderrLogger('info').info('hello', { token: 'abc' })
    createStderrLogger('info').debug('hidden')
    expect(write).toHaveBeenCalledTimes(1)
    expect(JSON.parse(String(write.mock.calls[0]?.[0]))).toMatchObject({
      level: 'info',
      message: 'hello',
      token: '[redacted]'
    })
    write.mockRestore()
  })
})

describe('settings', () => {
  it('validates each stored value on its own and announces changes', () => {
    const app = testApp()
    const seen: string[] = []
    app.bus.on('settings.changed', (s) => seen.push(s.language))
    app.db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '"neon"', 'x')`).run()
    expect(app.services.settings.get().theme).toBe('auto')
    expect(app.services.settings.update({ language: 'zh-CN' }).language).toBe('zh-CN')
    expect(seen).toEqual(['zh-CN'])
  })
})
