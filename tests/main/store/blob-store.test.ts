import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobStore, STRAY_GRACE_MS } from '../../../src/main/store/blob-store'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { openDatabase } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp'

const scratch = (path: string): string => {
  mkdirSync(path, { recursive: true })
  return path
}

function setup() {
  const dir = tempDir()
  const db = openDatabase({
    file: join(dir, 'library.db'),
    backupsDir: join(dir, 'backups'),
    migrations: MIGRATIONS
  })
  const blobs = new BlobStore({ db, blobsDir: join(dir, 'files'), tmpDir: () => scratch(join(dir, 'tmp')) })
  return { dir, db, blobs }
}

describe('BlobStore', () => {
  it('stores content by its sha256 and lands the same bytes once', async () => {
    const { dir, blobs } = setup()
    const source = join(dir, 'a.txt')
    writeFileSync(source, 'hello')
    const first = await blobs.ingestFile(source, 'TXT')
    const second = await blobs.ingestBuffer(Buffer.from('hello'), 'txt')
    expect(first.hash).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824')
    expect(first.relPath).toBe(`2c/${first.hash}.txt`)
    expect(second).toEqual(first)
    expect(readdirSync(join(dir, 'tmp'))).toEqual([])
  })

  it('collects only unreferenced blobs that no import is still holding', async () => {
    const { db, blobs } = setup()
    const held = await blobs.ingestBuffer(Buffer.from('held'), 'bin')
    const loose = await blobs.ingestBuffer(Buffer.from('loose'), 'bin')
    const now = new Date().toISOString()
    db.transaction(() => {
      blobs.register(held, now)
      blobs.register(loose, now)
    })()
    blobs.release(loose.hash)
    expect((await blobs.collectGarbage()).blobs).toBe(1)
    expect(existsSync(blobs.absolutePath(loose.relPath))).toBe(false)
    expect(existsSync(blobs.absolutePath(held.relPath))).toBe(true)
    blobs.release(held.hash)
    expect((await blobs.collectGarbage()).blobs).toBe(1)
  })

  it("removes files no row knows only once they are old: a fresh one may be another process's blob on its way in", async () => {
    const { dir, blobs, db } = setup()
    const kept = await blobs.ingestBuffer(Buffer.from('kept'), 'bin')
    blobs.register(kept, new Date().toISOString())
    mkdirSync(join(dir, 'files', 'ff'), { recursive: true })
    const old = join(dir, 'files', 'ff', 'left-by-a-crash.bin')
    const fresh = join(dir, 'files', 'ff', 'being-written.bin')
    writeFileSync(old, 'x')
    writeFileSync(fresh, 'y')
    const longAgo = (Date.now() - STRAY_GRACE_MS - 60_000) / 1000
    utimesSync(old, longAgo, longAgo)
    expect(await blobs.collectGarbage()).toEqual({ blobs: 0, strays: 1 })
    expect(existsSync(old)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(blobs.absolutePath(kept.relPath))).toBe(true)
    db.close()
  })
})
