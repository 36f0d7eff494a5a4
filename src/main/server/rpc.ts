import type { IncomingMessage, ServerResponse } from 'node:http'
import { Writable } from 'node:stream'
import type { ErrorCode } from '@shared/errors'
import type { FramewiseApp } from '../app/create-app'
import { hasHeaderToken } from './auth'
import { HttpRefusal, receiveBody, refuse } from './body'
import { receiveUpload, type UploadLimits } from './upload'

const MAX_BODY_BYTES = 10 * 1024 * 1024
// An RPC body is small: it must arrive within this time, however it trickles in (slow-loris).
const RPC_BODY_DEADLINE_MS = 120_000

export interface BodyTimeouts {
  /** No body bytes for this long: 408 and the connection is closed. */
  idleMs: number
}

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

// Refused before the body is read: closing (not reading on for keep-alive) means an unauthorised
// client cannot make the server swallow a 20 GB body.
function denied(req: IncomingMessage, res: ServerResponse): void {
  refuse(req, res, new HttpRefusal(401, 'UNAUTHORIZED', 'Missing or wrong access token.'))
}

function notPost(req: IncomingMessage, res: ServerResponse): void {
  refuse(req, res, new HttpRefusal(405, 'VALIDATION_FAILED', 'Use POST.'))
}

/** POST /rpc/<route>: the same router the Electron IPC bridge uses, with the same Result envelope. */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  app: FramewiseApp,
  token: string,
  rawRoute: string,
  timeouts: BodyTimeouts
): Promise<void> {
  if (!hasHeaderToken(req, token)) return denied(req, res)
  if (req.method !== 'POST') return notPost(req, res)
  let text: string
  try {
    text = await readBody(req, timeouts)
  } catch (error) {
    if (error instanceof HttpRefusal) return refuse(req, res, error)
    const message = 'The request body did not arrive in full.'
    return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message } })
  }
  let input: unknown
  try {
    input = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    const message = 'Request body is not valid JSON.'
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
  token: string,
  limits: UploadLimits
): Promise<void> {
  if (!hasHeaderToken(req, token)) return denied(req, res)
  if (req.method !== 'POST') return notPost(req, res)
  try {
    const path = await receiveUpload(req, app.paths.stagingDir, limits)
    sendJson(res, 200, { ok: true, data: { path } })
  } catch (error) {
    if (error instanceof HttpRefusal) return refuse(req, res, error)
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

async function readBody(req: IncomingMessage, timeouts: BodyTimeouts): Promise<string> {
  const chunks: Buffer[] = []
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    }
  })
  await receiveBody(req, collect, {
    maxBytes: MAX_BODY_BYTES,
    idleMs: timeouts.idleMs,
    deadlineMs: RPC_BODY_DEADLINE_MS,
    tooLarge: () =>
      new HttpRefusal(
        413,
        'VALIDATION_FAILED',
        `Request body too large (at most ${MAX_BODY_BYTES / 1024 ** 2} MB).`
      )
  })
  return Buffer.concat(chunks).toString('utf8')
}
