import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Asset } from '../../src/shared/domain/asset'
import type { Job } from '../../src/shared/domain/job'
import { ROOT } from '../support/spawn'
import { suiteTempDir, tempDir } from '../support/temp'

// Many processes, one library (ADR 011), with the built CLI as users run it: two CLI imports and
// `framewise serve` importing at once, read-only commands fired in between, a process killed with
// SIGKILL mid-import, and 2,000 stalled sockets against the server. Loopback only, bounded in time.
const CLI = join(ROOT, 'out', 'main', 'cli.js')
const dataDir = suiteTempDir('framewise-many-')
const ROUNDS = 20
let serve: ChildProcess
let server = { url: '', token: '', port: 0 }

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function json<T>(args: string[]): Promise<T> {
  const run = await cli([...args, '--json'])
  if (run.code !== 0)
    throw new Error(`framewise ${args.join(' ')} exited ${run.code}: ${run.stdout}${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

/** Distinct small PNGs (random pixels), so every file is new content. */
async function images(dir: string, count: number, seed: string): Promise<string> {
  mkdirSync(dir, { recursive: true })
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const pixels = Buffer.from(Array.from({ length: 48 * 48 * 3 }, () => Math.floor(Math.random() * 256)))
      return sharp(pixels, { raw: { width: 48, height: 48, channels: 3 } })
        .png()
        .toFile(join(dir, `${seed}-${i}.png`))
    })
  )
  return dir
}

async function rpc<T>(route: string, input: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/rpc/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-framewise-token': server.token },
    body: JSON.stringify(input)
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function settled(timeoutMs: number): Promise<Job[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { jobs } = await json<{ jobs: Job[] }>(['jobs'])
    const active = jobs.filter((j) => ['queued', 'running', 'waiting', 'interrupted'].includes(j.state))
    if (active.length === 0) return jobs
    if (Date.now() > deadline)
      throw new Error(`still active: ${JSON.stringify(active.map((j) => [j.kind, j.state]))}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('Build first: npm run build')
  serve = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    serve.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const match = /running at (\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    serve.once('exit', (code) => reject(new Error(`serve exited ${code}`)))
  })
  const parsed = new URL(url)
  server = { url, token: parsed.searchParams.get('token') ?? '', port: Number(parsed.port) }
})

afterAll(async () => {
  serve?.kill('SIGTERM')
  await new Promise((resolve) => serve?.once('exit', resolve))
})

describe('many processes, one library', () => {
  it(`runs ${ROUNDS} rounds of two CLI imports and a serve import at once, with reads in between: no failed or repeated job`, async () => {
    const source = tempDir('framewise-many-src-')
    for (let round = 0; round < ROUNDS; round += 1) {
      const [a, b, s] = await Promise.all(
        ['a', 'b', 's'].map((who) => images(join(source, `${who}${round}`), 3, `${who}${round}`))
      )
      const results = await Promise.all([
        cli(['import', a as string, '--json']),
        cli(['import', b as string, '--json']),
        rpc('library.import', { paths: [s] }),
        cli(['jobs', '--json']),
        cli(['library', '--search', 'png', '--json'])
      ])
      for (const run of results) {
        if ('code' in run) expect(run.code, run.stderr).toBe(0)
        else expect(run.status).toBe(200)
      }
    }
    const jobs = await settled(120_000)
    expect(jobs.filter((j) => j.state === 'failed')).toEqual([])
    // A job runs once: a second attempt would mean two processes ran it.
    expect(jobs.filter((j) => j.attempts !== 1).map((j) => [j.kind, j.attempts])).toEqual([])
    const library = await json<{ items: (Asset & { file: string })[]; total: number }>([
      'library',
      '--limit',
      '500'
    ])
    expect(library.total).toBe(ROUNDS * 9)
    expect(library.items.every((asset) => asset.thumb.state === 'ready' && existsSync(asset.file))).toBe(true)
    const db = new Database(join(dataDir, 'library.db'), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('finishes the import of a CLI process killed with SIGKILL in another process', async () => {
    const folder = await images(join(tempDir('framewise-many-kill-'), 'big'), 40, 'kill')
    const before = (await json<{ total: number }>(['library', '--limit', '1'])).total
    const child = spawn(process.execPath, [CLI, 'import', folder, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // Killed once the first files are in (their previews are being queued), well before the 40th.
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (c: Buffer) => {
        if (/asset\.thumbnail/.test(c.toString())) resolve()
      })
      child.once('exit', () => reject(new Error('the import finished before it could be killed')))
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const jobs = await settled(90_000)
    const killed = jobs.find((j) => j.kind === 'library.import' && j.title.startsWith('big'))
    expect(killed?.state).toBe('succeeded')
    expect(jobs.filter((j) => j.state === 'failed')).toEqual([])
    expect((await json<{ total: number }>(['library', '--limit', '1'])).total).toBe(before + 40)
  })

  it('keeps answering while 2,000 sockets hold half-sent requests open', async () => {
    const sockets: Socket[] = []
    await Promise.all(
      Array.from(
        { length: 2000 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(server.port, '127.0.0.1', () => {
              socket.write('POST /rpc/app.info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n')
              resolve()
            })
            socket.on('error', () => resolve())
            sockets.push(socket)
          })
      )
    )
    let answered = 0
    const until = Date.now() + 5000
    while (Date.now() < until) {
      const { status, body } = await rpc<{ ok: boolean }>('app.info', {})
      expect(status).toBe(200)
      expect(body.ok).toBe(true)
      answered += 1
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    for (const socket of sockets) socket.destroy()
    expect(answered).toBeGreaterThan(20)
  })
})
