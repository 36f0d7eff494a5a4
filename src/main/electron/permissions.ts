import { isTrustedUrl } from './trusted-origin'

type Trusted = Parameters<typeof isTrustedUrl>[1]

/**
 * Permissions our own renderer gets; everything else, and every other origin, is refused.
 * `media` is the microphone for the voice page (audio only, never the camera). `fullscreen` is the
 * fullscreen button of the native <video controls>: Electron routes it through these handlers, and
 * refusing it leaves the button dead.
 */
const GRANTED = new Set(['media', 'fullscreen'])

/** session.setPermissionRequestHandler: `details` is Electron's PermissionRequest (media: mediaTypes). */
export function allowPermissionRequest(
  permission: string,
  details: { requestingUrl?: string; mediaTypes?: readonly string[] },
  trusted: Trusted
): boolean {
  if (!GRANTED.has(permission) || !isTrustedUrl(details.requestingUrl ?? '', trusted)) return false
  if (permission !== 'media') return true
  const types = details.mediaTypes ?? []
  return types.length > 0 && types.every((type) => type === 'audio')
}

/** session.setPermissionCheckHandler: the synchronous check Chromium makes before (or instead of) a request. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string; mediaType?: string },
  trusted: Trusted
): boolean {
  // A file:// page's origin is opaque ("file:///"), so the frame's URL is what identifies our renderer.
  const url = details.requestingUrl ?? requestingOrigin
  if (!GRANTED.has(permission) || !isTrustedUrl(url, trusted)) return false
  return permission !== 'media' || details.mediaType === 'audio'
}
