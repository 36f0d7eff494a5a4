import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { AppError } from '@shared/errors'

/** Keeps the user's file name (spaces, CJK) but nothing that could steer the path. */
export function safeFileName(raw: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  })()
  const printable = [...basename(decoded.replace(/\\/g, '/'))]
    .map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || '/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
  const name = printable.replace(/^\.+/, '').slice(0, 200)
  return name || 'upload'
}

/** Streams one browser upload into staging/<id>/<name>; the import job removes it afterwards. */
export async function receiveUpload(req: IncomingMessage, stagingDir: string): Promise<string> {
  const header = req.headers['x-file-name']
  const name = safeFileName(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))
  const dir = join(stagingDir, randomUUID())
  await mkdir(dir, { recursive: true })
  const target = join(dir, name)
  try {
    await pipeline(req, createWriteStream(target))
    return target
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw new AppError('FILE_UNREADABLE', `The upload of ${name} did not complete.`, undefined, {
      cause: error
    })
  }
}
