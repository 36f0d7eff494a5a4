/** Where API keys live. Implementations never log values and nothing here touches SQLite. */
export interface SecretStore {
  /** The OS keychain (Electron safeStorage), an owner-only file, or memory (tests); Settings shows it. */
  readonly kind: 'keychain' | 'file' | 'memory'
  get(name: string): Promise<string | null>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
}

/** Environment override for a secret: provider.openai.apiKey → FRAMEWISE_SECRET_PROVIDER_OPENAI_APIKEY. */
export function envNameFor(name: string): string {
  return `FRAMEWISE_SECRET_${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const
  private readonly values = new Map<string, string>()

  async get(name: string): Promise<string | null> {
    return this.values.get(name) ?? null
  }

  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value)
  }

  async delete(name: string): Promise<void> {
    this.values.delete(name)
  }
}
