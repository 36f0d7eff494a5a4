import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { confineReal, contentType, parseRange } from '../server/static-files'

const notFound = (): Response => new Response('Not found', { status: 404 })

/**
 * The answer to framewise-media://files/<relative path>: a library file, with Range for video
 * seeking. Symlinks are resolved first, so one inside the library that points outside it is refused.
 */
export async function mediaResponse(
  blobsDir: string,
  requestUrl: string,
  rangeHeader: string | null
): Promise<Response> {
  const url = new URL(requestUrl)
  const file = url.host === 'files' ? await confineReal(blobsDir, url.pathname) : null
  const info = file ? await stat(file).catch(() => null) : null
  if (!file || !info?.isFile()) return notFound()
  const range = parseRange(rangeHeader ?? undefined, info.size)
  const headers: Record<string, string> = { 'content-type': contentType(file), 'accept-ranges': 'bytes' }
  if (range === 'invalid')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${info.size}` }
    })
  const { start, end } = range ?? { start: 0, end: info.size - 1 }
  headers['content-length'] = String(Math.max(0, end - start + 1))
  if (range) headers['content-range'] = `bytes ${start}-${end}/${info.size}`
  if (info.size === 0) return new Response(null, { status: 200, headers })
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream
  return new Response(body, { status: range ? 206 : 200, headers })
}
