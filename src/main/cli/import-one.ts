import type { ImportReport } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import type { CommandContext } from './context'

/** Imports one file (or finds it already in the library) and returns its asset id. */
export async function importOne({ app }: CommandContext, file: string): Promise<string> {
  const { jobId } = app.services.library.startImport([file])
  await app.services.jobs.waitForSettled([jobId])
  const job = app.services.jobs.get(jobId)
  const report = job.result as ImportReport | null
  const entry = report?.imported[0] ?? report?.duplicates[0]
  if (entry) return entry.assetId
  const failure = report?.failed[0]
  throw new AppError(
    (failure?.code as never) ?? 'MEDIA_UNSUPPORTED',
    failure?.message ?? 'The video could not be imported.'
  )
}

export function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('VALIDATION_FAILED', `${flag} must be a whole number above 0.`)
  return n
}
