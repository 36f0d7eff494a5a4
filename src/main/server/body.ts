import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Writable } from 'node:stream'
import type { ErrorCode } from '@shared/errors'

/** A request the server answers with an HTTP error and then closes (its body is not read further). */
export class HttpRefusal extends Error {
  constructor(
    readonly status: 401 | 405 | 408 | 413,
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'HttpRefusal'
  }
}

export interface BodyLimits {
  maxBytes: number
  /** No body bytes for this long: the client stalled (408). */
  idleMs: number
  /** The whole body must have arrived by then (RPC bodies; uploads have none). */
  deadlineMs?: number
  /** The message for a body over maxBytes. */
  tooLarge: () => HttpRefusal
}

const stalled = (ms: number): HttpRefusal =>
  new HttpRefusal(408, 'FILE_UNREADABLE', `The request body stopped arriving (nothing for ${ms / 1000} s).`)

/** Refuses at once when Content-Length already says the body is over the limit. */
export function declaredTooLarge(req: IncomingMessage, limits: BodyLimits): HttpRefusal | null {
  const declared = Number(req.headers['content-length'])
  return Number.isFinite(declared) && declared > limits.maxBytes ? limits.tooLarge() : null
}

/**
 * Copies the request body into `sink` under the limits. The request is never destroyed here, so
 * the caller can still answer it (see `refuse`). An idle timer, not a total one, lets a big upload
 * on a slow line finish while a client that stops sending is cut off; waiting on our own disk
 * (back-pressure) does not count as idle.
 */
export function receiveBody(req: IncomingMessage, sink: Writable, limits: BodyLimits): Promise<void> {
  const early = declaredTooLarge(req, limits)
  if (early) return Promise.reject(early)
  return new Promise<void>((resolve, reject) => {
    let size = 0
    let idle: NodeJS.Timeout | undefined
    const deadline = limits.deadlineMs
      ? setTimeout(() => fail(stalled(limits.deadlineMs ?? 0)), limits.deadlineMs)
      : undefined
    const arm = (): void => {
      clearTimeout(idle)
      idle = setTimeout(() => fail(stalled(limits.idleMs)), limits.idleMs)
    }
    const cleanup = (): void => {
      clearTimeout(idle)
      clearTimeout(deadline)
      req.off('data', onData).off('end', onEnd).off('error', fail).off('close', onClose)
      sink.off('error', fail).off('drain', onDrain)
    }
    const fail = (error: Error): void => {
      cleanup()
      sink.destroy()
      reject(error)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limits.maxBytes) return fail(limits.tooLarge())
      if (sink.write(chunk)) return arm()
      clearTimeout(idle)
      req.pause()
    }
    const onDrain = (): void => {
      arm()
      req.resume()
    }
    const onEnd = (): void => {
      cleanup()
      sink.end((error?: Error | null) => (error ? reject(error) : resolve()))
    }
    const onClose = (): void => {
      if (!req.complete) fail(new Error('The client closed the connection before the body ended.'))
    }
    req.on('data', onData).on('end', onEnd).on('error', fail).on('close', onClose)
    sink.on('error', fail).on('drain', onDrain)
    arm()
  })
}

// After a refusal, what the client is still sending is read and dropped up to these limits, so the
// connection is not reset before the client has read the answer; past them it is cut off.
const LINGER_BYTES = 16 * 1024 * 1024
const LINGER_MS = 2_000

/**
 * Answers with the refusal as a JSON envelope, then closes the connection. Destroying the request
 * before the answer was out is what made clients see a TCP reset instead of a 413.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: HttpRefusal): void {
  if (res.headersSent) {
    req.destroy()
    return
  }
  const text = JSON.stringify({ ok: false, error: { code: refusal.code, message: refusal.message } })
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    connection: 'close'
  })
  // A stalled client sends nothing more: close as soon as the answer is flushed.
  if (refusal.status === 408 || req.complete) {
    res.end(text, () => req.destroy())
    return
  }
  res.write(text)
  endAfterBody(req, res)
}

/** Ends the response (and so the connection) once the body has been drained, or cuts it off. */
function endAfterBody(req: IncomingMessage, res: ServerResponse): void {
  let seen = 0
  const stop = (cut: boolean): void => {
    clearTimeout(timer)
    req.off('data', onData).off('end', onEnd).off('error', onError)
    res.end(() => {
      if (cut) req.destroy()
    })
  }
  const onData = (chunk: Buffer): void => {
    seen += chunk.length
    if (seen > LINGER_BYTES) stop(true)
  }
  const onEnd = (): void => stop(false)
  const onError = (): void => stop(true)
  const timer = setTimeout(() => stop(true), LINGER_MS)
  req.on('data', onData).on('end', onEnd).on('error', onError)
  req.resume()
}
