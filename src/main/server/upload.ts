import { randomUUID } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { basename, join } from 'node:path'
import { AppError } from '@shared/errors'
import { HttpRefusal, declaredTooLarge, receiveBody, type BodyLimits } from './body'

/**
 * The largest upload the web UI takes. The importer has no size limit of its own (only free disk
 * space), so this is a round number above any video a user would analyse: 20 GiB.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 ** 3

export interface UploadLimits {
  maxBytes: number
  idleMs: number
}

function uploadLimits(limits: UploadLimits): BodyLimits {
  return {
    ...limits,
    tooLarge: () =>
      new HttpRefusal(
        413,
        'FILE_TOO_LARGE',
        `The file is larger than this server accepts (at most ${formatSize(limits.maxBytes)}).`
      )
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`
  return `${bytes} bytes`
}

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

/**
 * Streams one browser upload into staging/<id>/<name>; the import job removes it afterwards, and
 * the server's start sweeps abandoned ones (staging.ts). Throws HttpRefusal for 413 / 408, with
 * the partial file already deleted.
 */
export async function receiveUpload(
  req: IncomingMessage,
  stagingDir: string,
  limits: UploadLimits
): Promise<string> {
  const bodyLimits = uploadLimits(limits)
  const early = declaredTooLarge(req, bodyLimits)
  if (early) throw early
  const header = req.headers['x-file-name']
  const name = safeFileName(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))
  const dir = join(stagingDir, randomUUID())
  await mkdir(dir, { recursive: true })
  const target = join(dir, name)
  const file = createWriteStream(target)
  try {
    await receiveBody(req, file, bodyLimits)
    return target
  } catch (error) {
    await closed(file)
    await rm(dir, { recursive: true, force: true })
    if (error instanceof HttpRefusal) throw error
    throw new AppError('FILE_UNREADABLE', `The upload of ${name} did not complete.`, undefined, {
      cause: error
    })
  }
}

function closed(file: WriteStream): Promise<void> {
  if (file.closed) return Promise.resolve()
  return new Promise((resolve) => {
    file.once('close', () => resolve())
    file.destroy()
  })
}
