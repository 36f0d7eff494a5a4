import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_HEADER = 'x-framewise-token'
export const TOKEN_COOKIE = 'fw_token'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

/** RPC and uploads need the header: browsers never attach it on their own, so no CSRF. */
export function hasHeaderToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER]
  return tokensMatch(token, Array.isArray(header) ? header[0] : header)
}

/** Reads (media, events) may use the cookie set when the page was opened with the token. */
export function hasReadToken(req: IncomingMessage, url: URL, token: string): boolean {
  return (
    hasHeaderToken(req, token) ||
    tokensMatch(token, cookieValue(req, TOKEN_COOKIE)) ||
    tokensMatch(token, url.searchParams.get('token'))
  )
}
