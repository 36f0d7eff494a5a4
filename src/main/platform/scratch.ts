import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** Who made a scratch folder; a folder whose maker is gone (and which is old enough) may be removed. */
interface ScratchOwner {
  host: string
  pid: number
  startedAt: string
}

const OWNER_FILE = 'owner.json'

/**
 * Each process that works on a library stages temporary files in a folder of its own under tmp/,
 * so one process's start-up never deletes another's files in flight (ADR 011).
 */
export class ScratchDir {
  readonly path: string
  private made = false

  constructor(root: string) {
    this.path = join(root, `${process.pid}-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`)
  }

  private touch: NodeJS.Timeout | null = null

  /** Creates the folder and its owner file the first time work needs it, and keeps the file fresh. */
  ensure(): string {
    if (this.made) return this.path
    mkdirSync(this.path, { recursive: true })
    const owner: ScratchOwner = { host: hostname(), pid: process.pid, startedAt: new Date().toISOString() }
    const file = join(this.path, OWNER_FILE)
    writeFileSync(file, JSON.stringify(owner))
    this.made = true
    // A sign of life for processes on other hosts, which cannot check this pid.
    this.touch = setInterval(
      () => {
        const now = new Date()
        try {
          utimesSync(file, now, now)
        } catch {
          // Folder gone: the next ensure() elsewhere will say so.
        }
      },
      60 * 60 * 1000
    )
    this.touch.unref()
    return this.path
  }

  dispose(): void {
    if (this.touch) clearInterval(this.touch)
    if (this.made) rmSync(this.path, { recursive: true, force: true })
    this.made = false
  }
}

/**
 * Removes what dead processes left under tmp/: folders whose owner process no longer exists on
 * this host (or is unknown) and that nobody touched for `graceMs`, and loose files (older layout)
 * just as old. A live owner's folder is never touched, however old.
 */
export function sweepScratch(
  root: string,
  options: { graceMs: number; now?: number; isAlive: (pid: number) => boolean }
): number {
  const now = options.now ?? Date.now()
  let removed = 0
  let entries: string[]
  try {
    entries = readdirSync(root)
  } catch {
    return 0
  }
  for (const name of entries) {
    const full = join(root, name)
    try {
      const info = statSync(full)
      if (now - info.mtimeMs < options.graceMs) continue
      if (info.isDirectory() && ownerAlive(full, options.isAlive)) continue
      rmSync(full, { recursive: true, force: true })
      removed += 1
    } catch {
      // Gone already, or not ours to read: leave it.
    }
  }
  return removed
}

/** A folder made on another host (a container, a renamed machine) is left a day after its last sign of life. */
const FOREIGN_GRACE_MS = 24 * 60 * 60 * 1000

function ownerAlive(folder: string, isAlive: (pid: number) => boolean): boolean {
  try {
    const file = join(folder, OWNER_FILE)
    const owner = JSON.parse(readFileSync(file, 'utf8')) as ScratchOwner
    if (owner.host === hostname()) return isAlive(owner.pid)
    return Date.now() - statSync(file).mtimeMs < FOREIGN_GRACE_MS
  } catch {
    return false
  }
}
