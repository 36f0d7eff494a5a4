import { HttpsProxyAgent } from 'https-proxy-agent'
import WebSocket from 'ws'
import { AppError } from '@shared/errors'
import type { RealtimeEndpoint } from './realtime-endpoint'
import { gaEventType, type ServerEvent } from './server-event-names'

const CONNECT_TIMEOUT_MS = 15_000
/**
 * A dead link (Wi-Fi gone, laptop asleep) sends no close for minutes: a ping every 15 s that gets no
 * pong within 10 s ends the socket, and the session's reconnect takes over.
 */
export interface Heartbeat {
  pingEveryMs: number
  pongWithinMs: number
}
const HEARTBEAT: Heartbeat = { pingEveryMs: 15_000, pongWithinMs: 10_000 }
/** Microphone audio beyond this much unsent is dropped rather than queued without limit. */
const MAX_UNSENT_BYTES = 1024 * 1024

export interface SocketHandlers {
  onEvent(event: ServerEvent): void
  /** A frame that is not a JSON object: reported, the session goes on. */
  onBadFrame(text: string): void
  /** The socket closed; `expected` when Framewise closed it. */
  onClose(info: { code: number; reason: string; expected: boolean }): void
}

/** One GA Realtime WebSocket: JSON events in and out, closed only by `close()` or the other side. */
export class RealtimeSocket {
  private closing = false
  private heartbeat: NodeJS.Timeout | null = null
  private pongDeadline: NodeJS.Timeout | null = null

  private constructor(private readonly ws: WebSocket) {}

  static async open(
    endpoint: RealtimeEndpoint,
    handlers: SocketHandlers,
    heartbeat: Heartbeat = HEARTBEAT
  ): Promise<RealtimeSocket> {
    const ws = new WebSocket(endpoint.url, {
      headers: endpoint.headers,
      handshakeTimeout: CONNECT_TIMEOUT_MS,
      ...(endpoint.proxy ? { agent: new HttpsProxyAgent(endpoint.proxy) } : {})
    })
    const socket = new RealtimeSocket(ws)
    let opened = false
    // Listeners first: the first event can arrive in the same packet as the handshake's answer.
    ws.on('message', (data, isBinary) => socket.receive(data, isBinary, handlers))
    ws.on('close', (code, reason) => {
      if (opened) handlers.onClose({ code, reason: reason.toString(), expected: socket.closing })
    })
    await waitOpen(ws)
    opened = true
    // After open, errors are followed by 'close', which is what the session acts on.
    ws.on('error', () => undefined)
    ws.on('close', () => socket.stopHeartbeat())
    socket.startHeartbeat(heartbeat)
    return socket
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Sends an event; false when it was not sent (closed, or audio while the link is backed up). */
  send(event: Record<string, unknown> & { type: string }): boolean {
    if (!this.isOpen) return false
    if (event.type === 'input_audio_buffer.append' && this.ws.bufferedAmount > MAX_UNSENT_BYTES) return false
    this.ws.send(JSON.stringify(event))
    return true
  }

  /** Closes for good: nothing the server still sends is handled after this. */
  close(): void {
    this.closing = true
    this.stopHeartbeat()
    this.ws.removeAllListeners('message')
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(1000)
      // A server that never answers the close does not keep the socket (or the app) alive.
      setTimeout(() => this.ws.terminate(), 2000).unref()
    }
  }

  private startHeartbeat({ pingEveryMs, pongWithinMs }: Heartbeat): void {
    this.ws.on('pong', () => {
      if (this.pongDeadline) clearTimeout(this.pongDeadline)
      this.pongDeadline = null
    })
    this.heartbeat = setInterval(() => {
      if (!this.isOpen || this.pongDeadline) return
      this.ws.ping()
      this.pongDeadline = setTimeout(() => this.ws.terminate(), pongWithinMs)
      this.pongDeadline.unref()
    }, pingEveryMs)
    this.heartbeat.unref()
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    if (this.pongDeadline) clearTimeout(this.pongDeadline)
    this.heartbeat = null
    this.pongDeadline = null
  }

  private receive(data: WebSocket.RawData, isBinary: boolean, handlers: SocketHandlers): void {
    const text = isBinary ? '' : rawText(data)
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      handlers.onBadFrame(text.slice(0, 200))
      return
    }
    if (!parsed || typeof parsed !== 'object' || typeof (parsed as ServerEvent).type !== 'string') {
      handlers.onBadFrame(text.slice(0, 200))
      return
    }
    const event = parsed as ServerEvent
    handlers.onEvent({ ...event, type: gaEventType(event.type) })
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

function waitOpen(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0
      ws.terminate()
      reject(handshakeError(status))
    })
    ws.once('error', (error: NodeJS.ErrnoException) => reject(connectError(error)))
  })
}

function handshakeError(status: number): AppError {
  if (status === 401 || status === 403)
    return new AppError('AI_AUTH_FAILED', `The Realtime API refused the key (HTTP ${status}).`)
  if (status === 404)
    return new AppError('AI_MODEL_NOT_FOUND', 'The Realtime API or this model was not found (HTTP 404).')
  if (status === 429) return new AppError('AI_RATE_LIMITED', 'The Realtime API is rate limited (HTTP 429).')
  return new AppError('AI_UNAVAILABLE', `The Realtime API did not accept the connection (HTTP ${status}).`)
}

function connectError(error: NodeJS.ErrnoException): AppError {
  const offline = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH'].includes(
    error.code ?? ''
  )
  if (offline) return new AppError('AI_OFFLINE', `Could not reach the Realtime API (${error.code}).`)
  if (/timed out/i.test(error.message))
    return new AppError('AI_TIMEOUT', 'The Realtime API did not answer in time.')
  return new AppError('AI_UNAVAILABLE', `The Realtime connection failed: ${error.message}`)
}
