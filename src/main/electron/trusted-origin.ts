/**
 * Only our own renderer may call the core: the built files under the renderer folder, or in
 * development the dev server. Origins are compared whole, so http://localhost:51730 is not
 * http://localhost:5173, and file URLs must lie inside the renderer folder.
 */
export function isTrustedUrl(url: string, trusted: { devUrl?: string; rendererRoot: string }): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (trusted.devUrl && sameOrigin(parsed, trusted.devUrl)) return true
  if (parsed.protocol !== 'file:') return false
  const root = trusted.rendererRoot.endsWith('/') ? trusted.rendererRoot : `${trusted.rendererRoot}/`
  // The URL parser has already resolved any `..` segments, so a prefix test is a containment test.
  return parsed.href.startsWith(root)
}

function sameOrigin(url: URL, other: string): boolean {
  try {
    const expected = new URL(other)
    return expected.origin !== 'null' && url.origin === expected.origin
  } catch {
    return false
  }
}
