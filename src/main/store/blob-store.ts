import { createHash, randomUUID } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync
} from 'node:fs'
import { rename, rm, stat, unlink, writeFile, open } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db } from './database'

/** A file in files/ with no row may be another process's blob on its way in; it is left this long. */
export const STRAY_GRACE_MS = 30 * 60 * 1000

export interface StoredBlob {
  hash: string
  relPath: string
  size: number
}

/**
 * Content-addressed files under the data folder. A file lands by rename from tmp/, so a crash never
 * leaves a half-written blob; rows are written by callers inside their own transactions.
 */
export class BlobStore {
  private readonly pinned = new Map<string, number>()

  /** `tmpDir` is this process's own scratch folder (platform/scratch.ts), made when first needed. */
  constructor(private readonly deps: { db: Db; blobsDir: string; tmpDir: () => string }) {}

  absolutePath(relPath: string): string {
    return join(this.deps.blobsDir, relPath)
  }

  /** Copies a file in while hashing it in the same pass. The hash stays pinned until release(). */
  async ingestFile(source: string, ext: string, signal?: AbortSignal): Promise<StoredBlob> {
    const tmp = this.tmpFile()
    const hasher = createHash('sha256')
    let size = 0
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hasher.update(chunk)
        size += chunk.length
        done(null, chunk)
      }
    })
    try {
      await pipeline(createReadStream(source), tap, createWriteStream(tmp), { signal })
      await fsyncFile(tmp)
      return await this.settle(tmp, hasher.digest('hex'), ext, size)
    } finally {
      await rm(tmp, { force: true })
    }
  }

  async ingestBuffer(data: Buffer, ext: string): Promise<StoredBlob> {
    const tmp = this.tmpFile()
    try {
      await writeFile(tmp, data)
      await fsyncFile(tmp)
      const hash = createHash('sha256').update(data).digest('hex')
      return await this.settle(tmp, hash, ext, data.length)
    } finally {
      await rm(tmp, { force: true })
    }
  }

  /** Records the blob row; call inside the transaction that adds the first reference. */
  register(blob: StoredBlob, now: string): void {
    this.deps.db
      .prepare('INSERT OR IGNORE INTO blobs (hash, rel_path, size_bytes, created_at) VALUES (?, ?, ?, ?)')
      .run(blob.hash, blob.relPath, blob.size, now)
  }

  release(hash: string): void {
    const count = (this.pinned.get(hash) ?? 1) - 1
    if (count <= 0) this.pinned.delete(hash)
    else this.pinned.set(hash, count)
  }

  /**
   * Deletes blobs no row references (rows first, then files) that were stored more than `graceMs`
   * ago, and files no row knows (left by a crash) last written over STRAY_GRACE_MS ago: another
   * process may have just written a blob it has not recorded yet. Never run at start-up: after a
   * delete, and as the library.gc job.
   */
  async collectGarbage(
    options: { graceMs?: number; now?: number } = {}
  ): Promise<{ blobs: number; strays: number }> {
    const now = options.now ?? Date.now()
    const graceMs = options.graceMs ?? 0
    const cutoff = new Date(now - graceMs).toISOString()
    const orphans = this.deps.db
      .prepare(
        `SELECT b.hash, b.rel_path AS relPath FROM blobs b
         WHERE b.created_at <= ?
           AND NOT EXISTS (SELECT 1 FROM blob_refs r WHERE r.hash = b.hash)
           AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.content_hash = b.hash)
           AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.thumb_hash = b.hash)
           AND NOT EXISTS (SELECT 1 FROM playground_message_files f WHERE f.hash = b.hash)`
      )
      .all(cutoff) as { hash: string; relPath: string }[]
    const doomed = orphans.filter((blob) => !this.pinned.has(blob.hash))
    const remove = this.deps.db.prepare('DELETE FROM blobs WHERE hash = ?')
    this.deps.db.transaction(() => doomed.forEach((blob) => remove.run(blob.hash)))()
    await Promise.all(doomed.map((blob) => unlink(this.absolutePath(blob.relPath)).catch(() => undefined)))
    return { blobs: doomed.length, strays: this.removeStrays(now - Math.max(graceMs, STRAY_GRACE_MS)) }
  }

  /** Files under files/ that no row knows and that were last written before `beforeMs`. */
  private removeStrays(beforeMs: number): number {
    const known = this.deps.db.prepare('SELECT 1 FROM blobs WHERE rel_path = ?')
    let removed = 0
    for (const file of walkFiles(this.deps.blobsDir)) {
      const rel = relative(this.deps.blobsDir, file).split(sep).join('/')
      if (known.get(rel) !== undefined) continue
      try {
        if (statSync(file).mtimeMs >= beforeMs) continue
        rmSync(file, { force: true })
        removed += 1
      } catch {
        // Removed meanwhile.
      }
    }
    return removed
  }

  private async settle(tmp: string, hash: string, ext: string, size: number): Promise<StoredBlob> {
    this.pinned.set(hash, (this.pinned.get(hash) ?? 0) + 1)
    const relPath = `${hash.slice(0, 2)}/${hash}${ext ? `.${ext.toLowerCase()}` : ''}`
    const target = this.absolutePath(relPath)
    if (!(await exists(target))) {
      mkdirSync(dirname(target), { recursive: true })
      await rename(tmp, target)
    }
    return { hash, relPath, size }
  }

  private tmpFile(): string {
    return join(this.deps.tmpDir(), `${randomUUID()}.part`)
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

function* walkFiles(root: string): Generator<string> {
  if (!existsSync(root)) return
  const stack = [root]
  while (stack.length > 0) {
    const dir = stack.pop() as string
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) stack.push(full)
      else if (entry.isFile()) yield full
    }
  }
}
