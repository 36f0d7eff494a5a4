import type { ImportReport } from '@shared/domain/asset'
import type { Job } from '@shared/domain/job'
import { AppError, errorCodeOf } from '@shared/errors'
import type { CommandContext } from './context'

/** Imports one file (or finds it already in the library) and returns its asset id. */
export async function importOne(ctx: CommandContext, file: string): Promise<string> {
  const { jobId } = await ctx.call('library.import', { paths: [file] })
  const job = await waitForJob(ctx, jobId)
  const report = job.result as ImportReport | null
  const entry = report?.imported[0] ?? report?.duplicates[0]
  if (entry) return entry.assetId
  const failure = report?.failed[0]
  throw new AppError(
    errorCodeOf(failure?.code, 'MEDIA_UNSUPPORTED'),
    failure?.message ?? 'The file could not be imported.'
  )
}

/** Waits through the front door for one job (and the jobs it started) to settle. */
export async function waitForJob(
  ctx: CommandContext,
  jobId: string,
  options: { stopWhenWaiting?: boolean } = {}
): Promise<Job> {
  const [job] = (await ctx.call('jobs.wait', { ids: [jobId], ...options })).jobs
  if (!job) throw new AppError('INTERNAL', `Job ${jobId} vanished.`)
  return job
}

/** The job's own error as an AppError, or a generic one naming its end state. */
export function jobFailure(job: Job, what: string): AppError {
  return new AppError(errorCodeOf(job.error?.code, 'INTERNAL'), job.error?.message ?? `${what} ${job.state}.`)
}

export function positiveInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('VALIDATION_FAILED', `${flag} must be a whole number above 0.`)
  return n
}
