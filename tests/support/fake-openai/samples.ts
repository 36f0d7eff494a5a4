import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fixture } from '../paths'

const DIR = fixture('openai')
const cache = new Map<string, string>()

function read(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(join(DIR, name), 'utf8')
    cache.set(name, text)
  }
  return text
}

/** A genuine recorded body, parsed fresh each time so callers may modify it. */
export function sample<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(read(name)) as T
}

export function sampleText(name: string): string {
  return read(name)
}

/** The parsed `data:` payloads of a recorded stream, in order ("[DONE]" included for chat). */
export function sampleEvents(name: string): unknown[] {
  return sample<unknown[]>(name)
}

const KEPT_HEADER = /^(x-ratelimit-|openai-version|content-type$)/i

/** Rate-limit and version headers from a recording's .http.json, as the API sent them. */
export function sampleHeaders(name: string): Record<string, string> {
  const recorded = sample<{ response: { headers: Record<string, string> } }>(name).response.headers
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(recorded)) {
    if (KEPT_HEADER.test(key) && value !== 'Sanitized') out[key.toLowerCase()] = value
  }
  return out
}
