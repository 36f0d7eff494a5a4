import { z } from 'zod'
import { Job, JobState } from '../domain/job'
import { route } from './define'

const JobRef = z.object({ id: z.string().min(1) })

export const jobRoutes = {
  'jobs.list': route({
    input: z
      .object({
        states: z.array(JobState).optional(),
        limit: z.number().int().min(1).max(1000).default(100)
      })
      .default({ limit: 100 }),
    output: z.array(Job)
  }),
  'jobs.get': route({ input: JobRef, output: Job }),
  'jobs.cancel': route({ input: JobRef, output: Job }),
  'jobs.retry': route({ input: JobRef, output: Job }),
  /** Answers once the jobs (and the jobs they started) have settled, or one parks as `waiting` if asked. */
  'jobs.wait': route({
    input: z.object({
      ids: z.array(z.string().min(1)).min(1).max(1000),
      stopWhenWaiting: z.boolean().default(false)
    }),
    output: z.object({ jobs: z.array(Job) })
  }),
  'jobs.clearFinished': route({
    input: z.object({}).default({}),
    output: z.object({ removed: z.number().int() })
  })
}
