import { join, resolve } from 'node:path'

export const FIXTURES = resolve(__dirname, '..', 'fixtures')

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts)
}

export function media(...parts: string[]): string {
  return join(FIXTURES, 'media', ...parts)
}
