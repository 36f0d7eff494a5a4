import { opendir, realpath, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { AppError, type ErrorInfo } from '@shared/errors'
import { kindFromName } from '../../media/file-kind'

export interface ImportEntries {
  files: string[]
  failed: { path: string; error: ErrorInfo }[]
  /** Files inside folders that are not media (documents, sidecars) and were passed over. */
  skipped: number
}

const MAX_FILES = 100_000

/**
 * Expands files and folders into the media files to import. Named files are always tried; files
 * found in folders are tried when their extension is a media one. Symlink loops are reported.
 */
export async function collectImportEntries(
  paths: readonly string[],
  signal?: AbortSignal
): Promise<ImportEntries> {
  const result: ImportEntries = { files: [], failed: [], skipped: 0 }
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()
  for (const raw of paths) {
    const path = resolve(raw)
    try {
      const info = await stat(path)
      if (info.isDirectory()) await walkDirectory(path, result, seenDirs, seenFiles, signal)
      else addFile(path, result, seenFiles)
    } catch (error) {
      result.failed.push({ path, error: fileError(error) })
    }
  }
  return result
}

async function walkDirectory(
  root: string,
  result: ImportEntries,
  seenDirs: Set<string>,
  seenFiles: Set<string>,
  signal?: AbortSignal
): Promise<void> {
  const stack = [root]
  while (stack.length > 0) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.')
    const dir = stack.pop() as string
    const real = await realpath(dir)
    if (seenDirs.has(real)) continue
    seenDirs.add(real)
    for await (const entry of await opendir(dir)) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      try {
        const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(full)).isDirectory())
        if (isDir) stack.push(full)
        else if (kindFromName(full)) addFile(full, result, seenFiles)
        else result.skipped += 1
      } catch (error) {
        result.failed.push({ path: full, error: fileError(error) })
      }
    }
  }
}

function addFile(path: string, result: ImportEntries, seen: Set<string>): void {
  if (seen.has(path)) return
  if (result.files.length >= MAX_FILES) {
    throw new AppError('FILE_TOO_LARGE', `One import can take at most ${MAX_FILES} files.`)
  }
  seen.add(path)
  result.files.push(path)
}

export function fileError(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo()
  const code = (error as NodeJS.ErrnoException).code
  const name = basename(String((error as NodeJS.ErrnoException).path ?? ''))
  switch (code) {
    case 'ENOENT':
      return { code: 'FILE_NOT_FOUND', message: `File not found: ${name}` }
    case 'ELOOP':
      return {
        code: 'FILE_UNREADABLE',
        message: `${name} is a symbolic link that points back at itself (a loop).`
      }
    case 'EACCES':
    case 'EPERM':
      return { code: 'FILE_UNREADABLE', message: `Permission denied: ${name}` }
    default:
      return { code: 'FILE_UNREADABLE', message: error instanceof Error ? error.message : String(error) }
  }
}
