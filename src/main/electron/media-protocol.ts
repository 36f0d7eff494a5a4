import { protocol } from 'electron'
import { mediaResponse } from './media-response'

export const MEDIA_SCHEME = 'framewise-media'

/** framewise-media://files/<relative path>: library files only (media-response.ts decides). */
export function registerMediaProtocol(blobsDir: string): void {
  protocol.handle(MEDIA_SCHEME, (request) =>
    mediaResponse(blobsDir, request.url, request.headers.get('range'))
  )
}
