import type { Job } from '@shared/domain/job'
import { AppError } from '@shared/errors'
import type { CommandContext } from './context'
import { jobFailure, waitForJob } from './import-one'

/**
 * Waits for a job, printing its stages (with how far along, when `detail` says) on stderr. A job
 * parked for an offline provider ends the command: its finished parts are kept for the next run.
 */
export async function followJob(
  ctx: CommandContext,
  jobId: string,
  what: string,
  detail: (job: Job) => string | null = () => null
): Promise<Job> {
  let last: string | null = null
  const stop = ctx.on('job.updated', (job) => {
    if (job.id !== jobId || !job.stage) return
    const line = `${job.stage}${detail(job) ?? ''}…`
    if (line !== last) ctx.out.progress((last = line))
  })
  // A job left waiting by an earlier run (provider away) is asked to try again now.
  if ((await ctx.call('jobs.get', { id: jobId })).state === 'waiting')
    await ctx.call('jobs.retry', { id: jobId })
  const job = await waitForJob(ctx, jobId, { stopWhenWaiting: true }).finally(stop)
  if (job.state === 'succeeded') return job
  if (job.state === 'waiting')
    throw new AppError(
      'AI_OFFLINE',
      `${job.error?.message ?? 'The provider cannot be reached.'} The finished parts are kept: run the same command again to resume without paying twice.`
    )
  throw jobFailure(job, what)
}
