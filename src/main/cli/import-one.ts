import type { ImportReport } from '@shared/domain/asset'
import type { Job } from '@shared/domain/job'
import { AppError, errorCodeOf } from '@shared/errors'
import type { CommandContext } from './context'

/** Imports one file (or finds it already in the library) and returns its asset id. */
export async function importOne(ctx: CommandContext, file: string): Promise<string> {
  const { jobId } = await ctx.call('library.import', { paths: [file] })
  return assetOf(await waitForJob(ctx, jobId))
}

/**
 * Like importOne, but returns as soon as the asset exists, while its thumbnail is still being made
 * (work on the asset can start at once); `settled` waits for the rest, to call before closing.
 */
export async function importFirst(
  ctx: CommandContext,
  file: string
): Promise<{ assetId: string; settled: () => Promise<void> }> {
  const { jobId } = await ctx.call('library.import', { paths: [file] })
  const settled = async (): Promise<void> => void (await waitForJob(ctx, jobId))
  try {
    return { assetId: assetOf(await waitForOwnJob(ctx, jobId)), settled }
  } catch (error) {
    await settled()
    throw error
  }
}

const FINISHED: readonly Job['state'][] = ['succeeded', 'failed', 'cancelled']

/** One job's own end, without waiting for the jobs it started. */
function waitForOwnJob(ctx: CommandContext, jobId: string): Promise<Job> {
  return new Promise((resolve, reject) => {
    const check = (job: Job): void => {
      if (job.id !== jobId || !FINISHED.includes(job.state)) return
      stop()
      resolve(job)
    }
    const stop = ctx.on('job.updated', check)
    ctx.call('jobs.get', { id: jobId }).then(check, (error: unknown) => {
      stop()
      reject(error instanceof Error ? error : new Error(String(error)))
    })
  })
}

function assetOf(job: Job): string {
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
