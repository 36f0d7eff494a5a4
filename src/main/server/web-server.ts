import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { FramewiseApp } from '../app/create-app'
import { hasReadToken, newToken, tokensMatch, TOKEN_COOKIE } from './auth'
import { acceptedHosts } from './binding'
import { openEventStream } from './event-stream'
import { handleRpc, handleUpload, sendJson } from './rpc'
import { sweepStaging } from './staging'
import { confine, confineReal, sendFile } from './static-files'
import { MAX_UPLOAD_BYTES } from './upload'

export interface WebServerOptions {
  app: FramewiseApp
  rendererDir: string
  host?: string
  port?: number
  token?: string
  /** Largest upload taken (413 above it); default MAX_UPLOAD_BYTES. */
  maxUploadBytes?: number
  /** A request body that sends nothing for this long gets 408 and is closed; default 30 s. */
  bodyIdleMs?: number
  /** Request headers must be complete within this time; default 15 s. */
  headersTimeoutMs?: number
  /** The clock that ages staged uploads (tests pass their own). */
  now?: () => number
}

export interface WebServer {
  /** The URL to open: it carries the per-run token. */
  url: string
  origin: string
  token: string
  port: number
  close(): Promise<void>
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

const HEADERS_TIMEOUT_MS = 15_000
const BODY_IDLE_MS = 30_000

/** The local web UI: the built renderer plus RPC, SSE, uploads and media on one loopback origin. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? newToken()
  const streams = new Set<() => void>()
  const bodyIdleMs = options.bodyIdleMs ?? BODY_IDLE_MS
  const uploadLimits = { maxBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES, idleMs: bodyIdleMs }
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS
  let port = options.port ?? 0
  let hosts = new Set<string>()
  await removeAbandonedUploads(options)
  const server: Server = createServer(
    {
      headersTimeout,
      // A total request time would cut off a big upload on a slow line; bodies get an idle timer
      // instead (body.ts), and RPC bodies a deadline of their own.
      requestTimeout: 0,
      connectionsCheckingInterval: Math.min(5_000, Math.max(50, Math.floor(headersTimeout / 3)))
    },
    (req, res) => handle(req, res)
  )

  function handle(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('content-security-policy', CSP)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (!hosts.has(req.headers.host ?? '') && req.headers.host !== `${host}:${port}`) {
      sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Unexpected Host header.' } })
      return
    }
    route(req, res).catch((error: unknown) => {
      options.app.logger.error('web request failed', { url: req.url, error: String(error) })
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed.' } })
      else res.destroy()
    })
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
    const path = url.pathname
    if (path.startsWith('/rpc/'))
      return handleRpc(req, res, options.app, token, path.slice(5), { idleMs: bodyIdleMs })
    if (path === '/upload') return handleUpload(req, res, options.app, token, uploadLimits)
    if (path === '/events') {
      if (!hasReadToken(req, url, token)) return unauthorized(res)
      const close = openEventStream(res, options.app.bus)
      streams.add(close)
      res.on('close', () => streams.delete(close))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false })
    if (path.startsWith('/media/')) return serveMedia(req, res, url)
    return serveRenderer(req, res, url)
  }

  async function serveMedia(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hasReadToken(req, url, token)) return unauthorized(res)
    // Real paths: a symlink inside files/ that points elsewhere is not served.
    const file = await confineReal(options.app.paths.blobsDir, url.pathname.slice('/media'.length))
    const sent = file
      ? await sendFile(req, res, file, { 'cache-control': 'private, max-age=31536000, immutable' })
      : false
    if (!sent) sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such file.' } })
  }

  async function serveRenderer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers: Record<string, string> = {}
    if (tokensMatch(token, url.searchParams.get('token'))) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    }
    const isAsset = /\.[a-z0-9]+$/i.test(url.pathname) && url.pathname !== '/index.html'
    const file = isAsset
      ? confine(options.rendererDir, url.pathname)
      : join(options.rendererDir, 'index.html')
    if (!isAsset) headers['cache-control'] = 'no-store'
    const sent = file ? await sendFile(req, res, file, headers) : false
    if (sent) return
    if (!isAsset) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The web UI has not been built yet. Run `npm run build` and start `framewise serve` again.')
      return
    }
    sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  hosts = new Set(acceptedHosts(host, port))
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const close of streams) close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Staged uploads a previous run left behind (never imported, or the import was cut short). */
async function removeAbandonedUploads(options: WebServerOptions): Promise<void> {
  try {
    const removed = await sweepStaging(options.app.paths.stagingDir, options.now ?? Date.now)
    if (removed.length > 0) options.app.logger.info('removed abandoned uploads', { count: removed.length })
  } catch (error) {
    options.app.logger.warn('could not sweep the staging folder', { error: String(error) })
  }
}

function unauthorized(res: ServerResponse): void {
  sendJson(res, 401, {
    ok: false,
    error: {
      code: 'UNAUTHORIZED',
      message: 'Open the address that `framewise serve` printed (it carries the access token).'
    }
  })
}
