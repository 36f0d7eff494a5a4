import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/opus',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8'
}

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Resolves a request path inside a root, or null when it would escape it. */
export function confine(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  const rel = relative(root, full)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? full : null
}

/**
 * `confine`, then the same check on the real path: a symlink inside the root that points outside
 * it is refused, as is a missing file (null either way).
 */
export async function confineReal(root: string, requestPath: string): Promise<string | null> {
  const file = confine(root, requestPath)
  if (!file) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    const rel = relative(realRoot, realFile)
    const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
    return outside ? null : realFile
  } catch {
    return null
  }
}

/** Sends a file with Range support, which video seeking needs. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string> = {}
): Promise<boolean> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return false
  const range = parseRange(req.headers.range, info.size)
  const base = { 'content-type': contentType(file), 'accept-ranges': 'bytes', ...headers }
  if (range === 'invalid') {
    res.writeHead(416, { ...base, 'content-range': `bytes */${info.size}` }).end()
    return true
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 }
  res.writeHead(range ? 206 : 200, {
    ...base,
    'content-length': String(Math.max(0, end - start + 1)),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${info.size}` } : {})
  })
  if (req.method === 'HEAD' || info.size === 0) {
    res.end()
    return true
  }
  createReadStream(file, { start, end })
    .on('error', () => res.destroy())
    .pipe(res)
  return true
}

export function parseRange(
  header: string | undefined,
  size: number
): { start: number; end: number } | 'invalid' | null {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid'
  let start: number
  let end: number
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]))
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  return start > end || start >= size ? 'invalid' : { start, end }
}
