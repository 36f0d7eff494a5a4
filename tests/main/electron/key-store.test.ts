import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keyStoreKind, moveSealedKeys } from '../../../src/main/electron/key-store'
import { FileSecretStore } from '../../../src/main/platform/secrets/file-secret-store'
import { MemorySecretStore } from '../../../src/main/platform/secrets/secret-store'
import { tempDir } from '../../support/temp'

describe('where the app keeps API keys', () => {
  it('uses the keychain only when safeStorage has a real backend', () => {
    expect(keyStoreKind({ platform: 'darwin', encryptionAvailable: true, backend: null })).toBe('keychain')
    expect(keyStoreKind({ platform: 'win32', encryptionAvailable: true, backend: null })).toBe('keychain')
    expect(keyStoreKind({ platform: 'linux', encryptionAvailable: true, backend: 'gnome_libsecret' })).toBe(
      'keychain'
    )
    expect(keyStoreKind({ platform: 'linux', encryptionAvailable: true, backend: 'kwallet6' })).toBe(
      'keychain'
    )
  })

  it('falls back to the owner-only key file on Linux without a keyring (basic_text) or without encryption', () => {
    expect(keyStoreKind({ platform: 'linux', encryptionAvailable: true, backend: 'basic_text' })).toBe('file')
    expect(keyStoreKind({ platform: 'linux', encryptionAvailable: true, backend: 'unknown' })).toBe('file')
    expect(keyStoreKind({ platform: 'darwin', encryptionAvailable: false, backend: null })).toBe('file')
  })

  it('moves keys sealed under basic_text into the key file, then removes the sealed file', async () => {
    const dir = tempDir()
    const sealedFile = join(dir, 'secrets.safe.json')
    const seal = (text: string) => Buffer.from(`sealed:${text}`).toString('base64')
    writeFileSync(
      sealedFile,
      JSON.stringify({ 'provider.a.apiKey': seal('sk-aaa'), 'provider.b.apiKey': seal('bbb') })
    )
    const target = new FileSecretStore(join(dir, 'secrets.json'), {})
    await target.set('provider.b.apiKey', 'newer-bbb')
    const moved = await moveSealedKeys(sealedFile, target, (b) => b.toString().replace(/^sealed:/, ''))
    expect(moved).toEqual(['provider.a.apiKey'])
    expect(await target.get('provider.a.apiKey')).toBe('sk-aaa')
    expect(await target.get('provider.b.apiKey')).toBe('newer-bbb')
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
    expect(existsSync(sealedFile)).toBe(false)
  })

  it('keeps the sealed file when a key cannot be opened, and does nothing without one', async () => {
    const dir = tempDir()
    const sealedFile = join(dir, 'secrets.safe.json')
    writeFileSync(sealedFile, JSON.stringify({ x: Buffer.from('?').toString('base64') }))
    const target = new MemorySecretStore()
    await moveSealedKeys(sealedFile, target, () => {
      throw new Error('cannot decrypt')
    })
    expect(existsSync(sealedFile)).toBe(true)
    expect(await moveSealedKeys(join(dir, 'none.json'), target, (b) => b.toString())).toEqual([])
  })

  it('every store says what kind it is, so Settings can tell the user', () => {
    expect(new MemorySecretStore().kind).toBe('memory')
    expect(new FileSecretStore(join(tempDir(), 's.json'), {}).kind).toBe('file')
  })
})
