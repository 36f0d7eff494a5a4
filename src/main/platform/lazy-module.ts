import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

/**
 * A heavy dependency (sharp, openai, undici, ajv, fluent-ffmpeg) loaded at its first use instead of
 * at start-up, so a command that never needs it does not pay for it (docs/adr/010-fast-start.md).
 * Every runtime use of such a package goes through one of these, so there is one copy of its classes.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load(name) as T)
}
