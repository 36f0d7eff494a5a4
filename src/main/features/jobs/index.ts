import type { JobQueue } from '../../jobs/job-queue'
import type { HandlerSlice } from '../feature'

/** The job list the tray and `framewise jobs` show; the queue itself lives in jobs/. */
export function jobsFeature(deps: { jobs: JobQueue }) {
  const { jobs } = deps
  const handlers: HandlerSlice<
    'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.retry' | 'jobs.clearFinished' | 'jobs.wait'
  > = {
    'jobs.list': ({ states, limit }) => jobs.list({ states, limit }),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.retry': ({ id }) => jobs.retry(id),
    'jobs.clearFinished': () => ({ removed: jobs.clearFinished() }),
    'jobs.wait': async ({ ids, stopWhenWaiting }) => ({ jobs: await jobs.waitFor(ids, { stopWhenWaiting }) })
  }
  return { handlers }
}
