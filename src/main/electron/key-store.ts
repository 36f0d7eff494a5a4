import { readFile, rm } from 'node:fs/promises'
import type { SecretStore } from '../platform/secrets/secret-store'

export interface SafeStorageFacts {
  platform: NodeJS.Platform
  encryptionAvailable: boolean
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  backend: string | null
}

// Linux backends that are a real keyring. `basic_text` seals with a fixed, public password (no
// keyring running); `unknown` means safeStorage could not say. Neither protects anything.
const KEYRINGS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

/** The OS keychain when safeStorage really has one, else the owner-only key file (0600) the CLI uses. */
export function keyStoreKind(facts: SafeStorageFacts): 'keychain' | 'file' {
  if (!facts.encryptionAvailable) return 'file'
  if (facts.platform === 'linux' && !KEYRINGS.has(facts.backend ?? 'unknown')) return 'file'
  return 'keychain'
}

/**
 * Keys saved earlier into the safeStorage file (sealed under basic_text) move into `target`,
 * unless it already holds a newer value; the sealed file goes once every key has moved.
 * Returns the names moved.
 */
export async function moveSealedKeys(
  sealedFile: string,
  target: SecretStore,
  open: (sealed: Buffer) => string
): Promise<string[]> {
  let sealed: Record<string, string>
  try {
    sealed = JSON.parse(await readFile(sealedFile, 'utf8')) as Record<string, string>
  } catch {
    return []
  }
  const moved: string[] = []
  let kept = 0
  for (const [name, value] of Object.entries(sealed)) {
    if ((await target.get(name)) !== null) continue
    try {
      await target.set(name, open(Buffer.from(value, 'base64')))
      moved.push(name)
    } catch {
      kept += 1
    }
  }
  if (kept === 0) await rm(sealedFile, { force: true })
  return moved
}
