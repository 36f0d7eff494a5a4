import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { protocol } from 'electron'
import { confine, contentType, parseRange } from '../server/static-files'

export const MEDIA_SCHEME = 'framewise-media'

/** framewise-media://files/<relative path>: library files only, with Range for video seeking. */
export function registerMediaProtocol(blobsDir: string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'files' ? confine(blobsDir, url.pathname) : null
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info?.isFile()) return new Response('Not found', { status: 404 })
    const range = parseRange(request.headers.get('range') ?? undefined, info.size)
    const headers: Record<string, string> = { 'content-type': contentType(file), 'accept-ranges': 'bytes' }
    if (range === 'invalid')
      return new Response(null, {
        status: 416,
        headers: { ...headers, 'content-range': `bytes */${info.size}` }
      })
    const { start, end } = range ?? { start: 0, end: info.size - 1 }
    headers['content-length'] = String(end - start + 1)
    if (range) headers['content-range'] = `bytes ${start}-${end}/${info.size}`
    const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream
    return new Response(body, { status: range ? 206 : 200, headers })
  })
}
