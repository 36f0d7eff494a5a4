import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/server/web-server'
import { importAndWait, testApp } from '../../support/app'
import { media, tempDir } from '../../support/temp'

const servers: WebServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function serve() {
  const app = testApp()
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Framewise</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const server = await startWebServer({ app, rendererDir, port: 0 })
  servers.push(server)
  const rpc = (route: string, body: unknown, token: string | null = server.token) =>
    fetch(`${server.origin}/rpc/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-framewise-token': token } : {}) },
      body: JSON.stringify(body)
    })
  return { app, server, rpc }
}

describe('web server', () => {
  it('binds to loopback and serves the UI with a token cookie and a strict CSP', async () => {
    const { server } = await serve()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Framewise</title>')
    expect(page.headers.get('set-cookie')).toMatch(/fw_token=.*HttpOnly; SameSite=Strict/)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await fetch(`${server.origin}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript'
    )
  })

  it('requires the per-run token on every RPC: missing or wrong gets 401', async () => {
    const { rpc } = await serve()
    expect((await rpc('library.list', {}, null)).status).toBe(401)
    expect((await rpc('library.list', {}, 'wrong-token')).status).toBe(401)
    const ok = await rpc('library.list', {})
    expect(await ok.json()).toEqual({
      ok: true,
      data: { items: [], total: 0, totalIsLowerBound: false, nextCursor: null }
    })
  })

  it('answers invalid input, unknown routes and bad JSON with error envelopes', async () => {
    const { rpc, server, app } = await serve()
    const invalid = await rpc('library.import', { paths: 'not-an-array' })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(app.services.jobs.list({ limit: 5 })).toEqual([])
    const unknown = await rpc('nope.nothing', {})
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const broken = await fetch(`${server.origin}/rpc/library.list`, {
      method: 'POST',
      headers: { 'x-framewise-token': server.token },
      body: '{oops'
    })
    expect(await broken.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
  })

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { server } = await serve()
    const status = await new Promise<number>((resolve) => {
      request(`${server.origin}/`, { headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0)
      ).end()
    })
    expect(status).toBe(403)
  })

  it('takes an upload, imports it, pushes job events over SSE and serves the file with ranges', async () => {
    const { rpc, server, app } = await serve()
    const events = await fetch(`${server.origin}/events?token=${server.token}`)
    const reader = events.body?.getReader()
    const upload = await fetch(`${server.origin}/upload`, {
      method: 'POST',
      headers: {
        'x-framewise-token': server.token,
        'x-file-name': encodeURIComponent('../../夜景 photo.jpg')
      },
      body: readFileSync(media('image/Portrait_8.jpg'))
    })
    const staged = (await upload.json()) as { ok: true; data: { path: string } }
    expect(staged.data.path.startsWith(app.paths.stagingDir)).toBe(true)
    expect(staged.data.path.endsWith('夜景 photo.jpg')).toBe(true)
    const started = (await (await rpc('library.import', { paths: [staged.data.path] })).json()) as {
      data: { jobId: string }
    }
    await app.services.jobs.waitForSettled([started.data.jobId])
    const text = await readUntil(reader, 'event: library.changed')
    expect(text).toContain('event: job.updated')
    const [asset] = app.services.library.list({ limit: 1, offset: 0 }).items
    expect(asset?.name).toBe('夜景 photo.jpg')
    const part = await fetch(`${server.origin}/media/${asset?.path}`, { headers: { range: 'bytes=0-9' } })
    expect(part.status).toBe(401)
    const ranged = await fetch(`${server.origin}/media/${asset?.path}?token=${server.token}`, {
      headers: { range: 'bytes=0-9' }
    })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-9\/\d+$/)
    expect((await ranged.arrayBuffer()).byteLength).toBe(10)
    const escape = await fetch(`${server.origin}/media/..%2F..%2Flibrary.db?token=${server.token}`)
    expect(escape.status).toBe(404)
    await reader?.cancel()
  })

  it('serves imported media to a browser that opened the tokened URL (cookie)', async () => {
    const { server, app } = await serve()
    await importAndWait(app, [media('image/tbgn2c16.png')])
    const [asset] = app.services.library.list({ limit: 1, offset: 0 }).items
    const cookie = (await fetch(server.url)).headers.get('set-cookie')?.split(';')[0] ?? ''
    const res = await fetch(`${server.origin}/media/${asset?.thumb.path}`, { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
  })
})

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  marker: string
): Promise<string> {
  let text = ''
  const decoder = new TextDecoder()
  while (reader && !text.includes(marker)) {
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value)
  }
  return text
}
