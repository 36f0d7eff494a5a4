import type { ErrorInfo } from '@shared/errors'
import { call } from './client'
import { transport } from './transport'

export interface StartedImport {
  jobId: string | null
  uploadFailures: { name: string; error: ErrorInfo }[]
}

/**
 * Starts one import job for dropped or picked files. Electron's preload turns File objects into
 * paths; a browser uploads the bytes first (a few at a time) and imports the staged copies.
 */
export async function importFiles(files: readonly File[]): Promise<StartedImport> {
  const t = transport()
  if (files.length === 0) return { jobId: null, uploadFailures: [] }
  if (!t.upload) {
    const { jobId } = await call('library.import', { paths: files as unknown as string[] })
    return { jobId, uploadFailures: [] }
  }
  const staged: string[] = []
  const uploadFailures: StartedImport['uploadFailures'] = []
  const upload = t.upload
  await runLimited(files, 3, async (file) => {
    const result = await upload(file)
    if (result.ok) staged.push(result.data.path)
    else uploadFailures.push({ name: file.name, error: result.error })
  })
  if (staged.length === 0) return { jobId: null, uploadFailures }
  const { jobId } = await call('library.import', { paths: staged })
  return { jobId, uploadFailures }
}

async function runLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
