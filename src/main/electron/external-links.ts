/**
 * The address to hand to shell.openExternal for a link the user clicked, or null. Only http(s):
 * file:, javascript:, data: and custom schemes would launch local programs or open local files.
 * Addresses with a user name or password are refused too (they disguise where a link goes).
 */
export function externalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username || url.password || !url.hostname) return null
  return url.href
}
