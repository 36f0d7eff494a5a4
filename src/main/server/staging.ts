import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Longer than any upload or queued import takes; an upload older than this was abandoned. */
export const STAGING_GRACE_MS = 24 * 60 * 60 * 1000

/**
 * Removes staged uploads (staging/<id>/) last touched more than `graceMs` ago: uploads that were
 * never imported, or whose import was interrupted. The import job removes the ones it used.
 */
export async function sweepStaging(
  stagingDir: string,
  now: () => number,
  graceMs: number = STAGING_GRACE_MS
): Promise<string[]> {
  const names = await readdir(stagingDir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const entry = join(stagingDir, name)
    const info = await stat(entry).catch(() => null)
    if (!info || now() - info.mtimeMs <= graceMs) continue
    await rm(entry, { recursive: true, force: true })
    removed.push(entry)
  }
  return removed
}
