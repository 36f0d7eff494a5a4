import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { safeStorage } from 'electron'
import { AppError } from '@shared/errors'
import { FileSecretStore } from '../platform/secrets/file-secret-store'
import { envNameFor, type SecretStore } from '../platform/secrets/secret-store'
import { keyStoreKind, moveSealedKeys } from './key-store'

/**
 * The app's key store, chosen after `ready`: the OS keychain through safeStorage, or, when Linux has
 * no keyring (the `basic_text` backend seals with a public password), the owner-only key file the
 * CLI uses, into which keys sealed earlier are moved. The store's `kind` says which.
 */
export async function createAppSecretStore(dataDir: string, keyFile: string): Promise<SecretStore> {
  const sealedFile = join(dataDir, 'secrets.safe.json')
  const kind = keyStoreKind({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
  })
  if (kind === 'keychain') return new SafeStorageSecretStore(sealedFile)
  const store = new FileSecretStore(keyFile)
  await moveSealedKeys(sealedFile, store, (sealed) => safeStorage.decryptString(sealed))
  return store
}

/** Keys encrypted with the OS keychain (safeStorage); the file holds ciphertext only. */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'keychain' as const

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  async get(name: string): Promise<string | null> {
    const fromEnv = this.env[envNameFor(name)]
    if (fromEnv) return fromEnv
    const sealed = (await this.readAll())[name]
    if (!sealed) return null
    this.assertAvailable()
    return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
  }

  async set(name: string, value: string): Promise<void> {
    this.assertAvailable()
    const all = await this.readAll()
    all[name] = safeStorage.encryptString(value).toString('base64')
    await this.writeAll(all)
  }

  async delete(name: string): Promise<void> {
    const all = await this.readAll()
    delete all[name]
    await this.writeAll(all)
  }

  private assertAvailable(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'SECRET_STORE_UNAVAILABLE',
        'The system keychain is not available, so keys cannot be stored safely.'
      )
    }
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>
    } catch {
      return {}
    }
  }

  private async writeAll(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    await writeFile(tmp, JSON.stringify(all, null, 2), { mode: 0o600 })
    await rename(tmp, this.file)
  }
}
