import { transport } from './transport'

/** URL of a library file: the scoped protocol in Electron, the token-protected /media path on the web. */
export function mediaUrl(relPath: string | null | undefined): string | undefined {
  if (!relPath) return undefined
  const encoded = relPath.split('/').map(encodeURIComponent).join('/')
  return transport().kind === 'electron' ? `framewise-media://files/${encoded}` : `/media/${encoded}`
}
