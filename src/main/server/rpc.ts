import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode } from '@shared/errors'
import type { FramewiseApp } from '../app/create-app'
import { hasHeaderToken } from './auth'
import { receiveUpload } from './upload'

const MAX_BODY_BYTES = 10 * 1024 * 1024

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  INTERNAL: 500
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function denied(res: ServerResponse): void {
  sendJson(res, 401, {
    ok: false,
    error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token.' }
  })
}

/** POST /rpc/<route>: the same router the Electron IPC bridge uses, with the same Result envelope. */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  app: FramewiseApp,
  token: string,
  rawRoute: string
): Promise<void> {
  if (!hasHeaderToken(req, token)) return denied(res)
  if (req.method !== 'POST')
    return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Use POST.' } })
  let input: unknown
  try {
    const text = await readBody(req)
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch (error) {
    const message =
      error instanceof Error && error.message === 'too large'
        ? 'Request body too large.'
        : 'Request body is not valid JSON.'
    return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message } })
  }
  const result = await app.router.handle(safeDecode(rawRoute), input)
  const status = result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 200)
  sendJson(res, status, result)
}

/** POST /upload: a browser cannot hand over file paths, so it streams the bytes into staging. */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  app: FramewiseApp,
  token: string
): Promise<void> {
  if (!hasHeaderToken(req, token)) return denied(res)
  if (req.method !== 'POST')
    return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Use POST.' } })
  try {
    const path = await receiveUpload(req, app.paths.stagingDir)
    sendJson(res, 200, { ok: true, data: { path } })
  } catch (error) {
    sendJson(res, 400, {
      ok: false,
      error: { code: 'FILE_UNREADABLE', message: String((error as Error).message) }
    })
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
