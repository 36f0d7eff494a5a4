import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BatchEndpoint } from './batch'

/**
 * What one Batch input file may hold: the API takes at most 50,000 requests and 200 MB per file.
 * We stay a little under the size so a file is never refused at upload.
 */
export interface BatchLimits {
  maxLines: number
  maxBytes: number
}

export const BATCH_LIMITS: BatchLimits = { maxLines: 50_000, maxBytes: 190 * 1024 * 1024 }

/**
 * A JSONL input file written one request at a time, so a run of thousands of pictures never sits
 * in memory at once. `add` says false when the line would break the limits: send this file as a
 * batch and start another.
 */
export class BatchInputFile {
  private lines = 0
  private bytes = 0

  private constructor(
    readonly path: string,
    private readonly dir: string,
    private readonly handle: FileHandle,
    private readonly endpoint: BatchEndpoint,
    private readonly limits: BatchLimits
  ) {}

  static async create(endpoint: BatchEndpoint, limits: BatchLimits = BATCH_LIMITS): Promise<BatchInputFile> {
    const dir = await mkdtemp(join(tmpdir(), 'framewise-batch-'))
    const path = join(dir, 'input.jsonl')
    return new BatchInputFile(path, dir, await open(path, 'w'), endpoint, limits)
  }

  get count(): number {
    return this.lines
  }

  /** Appends one request; false (and nothing written) when it would make the file too large. */
  async add(customId: string, body: unknown): Promise<boolean> {
    const line = `${JSON.stringify({ custom_id: customId, method: 'POST', url: this.endpoint, body })}\n`
    const size = Buffer.byteLength(line)
    if (this.lines >= this.limits.maxLines) return false
    if (this.lines > 0 && this.bytes + size > this.limits.maxBytes) return false
    await this.handle.write(line)
    this.lines += 1
    this.bytes += size
    return true
  }

  /** Closes the file; it can then be uploaded. */
  async finish(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }

  /** Closes and removes the file (after upload, or when it is given up). */
  async discard(): Promise<void> {
    await this.finish()
    await rm(this.dir, { recursive: true, force: true })
  }
}
