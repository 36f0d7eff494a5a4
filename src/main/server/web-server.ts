import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { FramewiseApp } from '../app/create-app'
import { hasReadToken, hostAllowed, newToken, tokensMatch, TOKEN_COOKIE } from './auth'
import { openEventStream } from './event-stream'
import { handleRpc, handleUpload, sendJson } from './rpc'
import { confine, sendFile } from './static-files'

export interface WebServerOptions {
  app: FramewiseApp
  rendererDir: string
  host?: string
  port?: number
  token?: string
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

/** The local web UI: the built renderer plus RPC, SSE, uploads and media on one loopback origin. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? newToken()
  const streams = new Set<() => void>()
  let port = options.port ?? 0
  const server: Server = createServer((req, res) => {
    res.setHeader('content-security-policy', CSP)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (!hostAllowed(req, port) && req.headers.host !== `${host}:${port}`) {
      sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Unexpected Host header.' } })
      return
    }
    route(req, res).catch((error: unknown) => {
      options.app.logger.error('web request failed', { url: req.url, error: String(error) })
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed.' } })
      else res.destroy()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
    const path = url.pathname
    if (path.startsWith('/rpc/')) return handleRpc(req, res, options.app, token, path.slice(5))
    if (path === '/upload') return handleUpload(req, res, options.app, token)
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
    const file = confine(options.app.paths.blobsDir, url.pathname.slice('/media'.length))
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

function unauthorized(res: ServerResponse): void {
  sendJson(res, 401, {
    ok: false,
    error: {
      code: 'UNAUTHORIZED',
      message: 'Open the address that `framewise serve` printed (it carries the access token).'
    }
  })
}
