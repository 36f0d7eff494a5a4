import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError } from '@shared/errors'
import { envNameFor, type SecretStore } from './secret-store'

const OWNER_ONLY = 0o600

/**
 * Plain-Node secrets: an environment variable wins; otherwise a JSON file only the user can read.
 * The file is rewritten atomically and its permissions are repaired if someone loosened them.
 */
export class FileSecretStore implements SecretStore {
  readonly kind = 'file' as const

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly aliases: Record<string, string> = {}
  ) {}

  async get(name: string): Promise<string | null> {
    const fromEnv =
      this.env[envNameFor(name)] ?? (this.aliases[name] ? this.env[this.aliases[name]] : undefined)
    if (fromEnv) return fromEnv
    return (await this.readAll())[name] ?? null
  }

  async set(name: string, value: string): Promise<void> {
    const all = await this.readAll()
    all[name] = value
    await this.writeAll(all)
  }

  async delete(name: string): Promise<void> {
    const all = await this.readAll()
    if (!(name in all)) return
    delete all[name]
    await this.writeAll(all)
  }

  private async readAll(): Promise<Record<string, string>> {
    let text: string
    try {
      const info = await stat(this.file)
      if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(this.file, OWNER_ONLY)
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw new AppError('SECRET_STORE_UNAVAILABLE', 'The key file could not be read.')
    }
    try {
      return JSON.parse(text) as Record<string, string>
    } catch {
      throw new AppError(
        'SECRET_STORE_UNAVAILABLE',
        'The key file is damaged; delete it and enter the keys again.'
      )
    }
  }

  private async writeAll(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify(all, null, 2), { mode: OWNER_ONLY })
    await chmod(tmp, OWNER_ONLY)
    await rename(tmp, this.file)
  }
}
