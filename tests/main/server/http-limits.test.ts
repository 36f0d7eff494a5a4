import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer, type WebServerOptions } from '../../../src/main/server/web-server'
import { testApp } from '../../support/app'
import { tempDir } from '../../support/temp'

const servers: WebServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function serve(options: Partial<WebServerOptions> = {}) {
  const app = testApp()
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Framewise</title>')
  const server = await startWebServer({ app, rendererDir, port: 0, ...options })
  servers.push(server)
  return { app, server }
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
  /** The server closed the connection after answering. */
  closed: Promise<void>
}

/** A real HTTP client: writes the body in the given pieces, `pauseMs` apart, and reads the answer. */
function send(
  server: WebServer,
  path: string,
  pieces: Buffer[],
  options: { headers?: Record<string, string | number>; pauseMs?: number; thenWait?: boolean } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${path}`, {
      method: 'POST',
      agent: false,
      headers: { 'x-framewise-token': server.token, ...options.headers }
    })
    req.on('response', (res) => {
      const closed = new Promise<void>((done) => res.socket.once('close', () => done()))
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, closed }))
    })
    req.on('error', reject)
    void (async () => {
      for (const piece of pieces) {
        if (req.destroyed) return
        req.write(piece)
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs))
      }
      if (!options.thenWait && !req.destroyed) req.end()
    })()
  })
}

const staged = (dir: string) => readdirSync(dir)

describe('upload limits', () => {
  it('answers 413 FILE_TOO_LARGE at once when Content-Length is over the cap, and stages nothing', async () => {
    const { app, server } = await serve({ maxUploadBytes: 1000 })
    const answer = await send(server, '/upload', [Buffer.alloc(5000)], {
      headers: { 'content-length': 5000, 'x-file-name': 'big.mp4' }
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', message: expect.stringContaining('1000 bytes') }
    })
    expect(staged(app.paths.stagingDir)).toEqual([])
  })

  it('answers 413 when a streamed body crosses the cap, and deletes the partial file', async () => {
    const { app, server } = await serve({ maxUploadBytes: 1000 })
    const answer = await send(server, '/upload', [Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(600)], {
      headers: { 'transfer-encoding': 'chunked', 'x-file-name': 'big.mp4' },
      pauseMs: 30
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    await answer.closed
    expect(staged(app.paths.stagingDir)).toEqual([])
  })

  it('answers 408 and closes the connection when the body stops arriving', async () => {
    const { app, server } = await serve({ bodyIdleMs: 200 })
    const answer = await send(server, '/upload', [Buffer.alloc(100)], {
      headers: { 'content-length': 1000, 'x-file-name': 'stalled.mp4' },
      thenWait: true
    })
    expect(answer.status).toBe(408)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } })
    await answer.closed
    expect(staged(app.paths.stagingDir)).toEqual([])
  })

  it('lets a slow upload that keeps sending run longer than the idle limit', async () => {
    const { server } = await serve({ bodyIdleMs: 250 })
    const pieces = Array.from({ length: 8 }, () => Buffer.alloc(100, 1))
    const answer = await send(server, '/upload', pieces, {
      headers: { 'content-length': 800, 'x-file-name': 'slow.bin' },
      pauseMs: 100
    })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: true,
      data: { path: expect.stringMatching(/slow\.bin$/) }
    })
  })
})

describe('RPC and header limits', () => {
  it('answers an RPC body over 10 MB with 413 JSON instead of a reset, declared or streamed', async () => {
    const { server } = await serve()
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20)
    const declared = await send(server, '/rpc/library.list', [big], {
      headers: { 'content-type': 'application/json', 'content-length': big.length }
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const pieces = Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x20))
    const streamed = await send(server, '/rpc/library.list', pieces, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('too large') }
    })
  })

  it('closes a connection whose headers never finish', async () => {
    const { server } = await serve({ headersTimeoutMs: 300 })
    const started = Date.now()
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`)
      })
      let got = ''
      socket.on('data', (chunk) => (got += chunk.toString()))
      socket.on('close', () => resolve(got))
      socket.on('error', reject)
    })
    expect(text).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('media behind symlinks', () => {
  it('refuses a symlink inside the library that points outside it', async () => {
    const { app, server } = await serve()
    const outside = tempDir()
    writeFileSync(join(outside, 'private.txt'), 'not for the browser')
    mkdirSync(join(outside, 'dir'))
    writeFileSync(join(outside, 'dir', 'inner.txt'), 'nor this')
    mkdirSync(app.paths.blobsDir, { recursive: true })
    const { symlinkSync } = await import('node:fs')
    symlinkSync(join(outside, 'private.txt'), join(app.paths.blobsDir, 'leak.txt'))
    symlinkSync(join(outside, 'dir'), join(app.paths.blobsDir, 'leakdir'))
    writeFileSync(join(app.paths.blobsDir, 'inside.txt'), 'fine')
    symlinkSync(join(app.paths.blobsDir, 'inside.txt'), join(app.paths.blobsDir, 'alias.txt'))
    const get = (rel: string) => fetch(`${server.origin}/media/${rel}?token=${server.token}`)
    expect((await get('leak.txt')).status).toBe(404)
    expect((await get('leakdir/inner.txt')).status).toBe(404)
    expect((await get('inside.txt')).status).toBe(200)
    const alias = await get('alias.txt')
    expect(alias.status).toBe(200)
    expect(await alias.text()).toBe('fine')
  })
})
