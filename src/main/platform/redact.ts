export const REDACTED = '[redacted]'

// A header or parameter that carries a credential, written as `Name: value`, `"name":"value"` or `name=value`.
const CREDENTIAL_FIELD =
  /\b((?:proxy-)?authorization|x-api-key|api[_-]?key|openai-api-key|x-goog-api-key)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic|Token)\s+)?[^\s"',;&}]+/gi
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi
// OpenAI-style keys: sk-…, sk-proj-…, and the same shape used by OpenRouter, DeepSeek, Qwen, Anthropic.
const SK_KEY = /\bsk-[A-Za-z0-9_-]{8,}/g
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi
// Shorter "secrets" would redact ordinary words.
const MIN_KNOWN_LENGTH = 6

/** Removes credentials from a text: header values, bearer tokens, sk- keys and every known secret. */
export function redactSecrets(text: string, known: readonly (string | null | undefined)[] = []): string {
  let out = text
  const secrets = [...new Set(known)]
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_KNOWN_LENGTH)
    .sort((a, b) => b.length - a.length)
  for (const secret of secrets) out = out.split(secret).join(REDACTED)
  return out
    .replace(CREDENTIAL_FIELD, (_all, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(BEARER, (_all, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SK_KEY, REDACTED)
    .replace(URL_PASSWORD, (_all, head: string) => `${head}${REDACTED}@`)
}

/** The same for every string inside a JSON-like value (error details, log fields); the shape is kept. */
export function redactDeep<T>(value: T, known: readonly (string | null | undefined)[] = []): T {
  return walk(value, known, 0) as T
}

function walk(value: unknown, known: readonly (string | null | undefined)[], depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value, known)
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => walk(item, known, depth + 1))
  if (value instanceof Error) return redactSecrets(value.stack ?? `${value.name}: ${value.message}`, known)
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, known, depth + 1)]))
}
