import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { Job } from '@shared/domain/job'
import { subscribe } from '../api/client'
import { queryKeys } from '../api/query-keys'

/** Core events keep the caches fresh: jobs are patched in place, the library is refetched (coalesced). */
export function useCoreEvents(): void {
  const client = useQueryClient()
  useEffect(() => {
    let libraryTimer: ReturnType<typeof setTimeout> | null = null
    const offLibrary = subscribe('library.changed', () => {
      libraryTimer ??= setTimeout(() => {
        libraryTimer = null
        void client.invalidateQueries({ queryKey: queryKeys.library })
        // Analyses hang off assets: a finished summary announces itself as a library update.
        void client.invalidateQueries({ queryKey: ['video'] })
      }, 150)
    })
    const offJobs = subscribe('job.updated', (job) => {
      client.setQueryData<Job[]>(queryKeys.jobs, (jobs) => upsertJob(jobs, job))
    })
    const offSettings = subscribe('settings.changed', (settings) => {
      client.setQueryData(queryKeys.settings, settings)
    })
    return () => {
      offLibrary()
      offJobs()
      offSettings()
      if (libraryTimer) clearTimeout(libraryTimer)
    }
  }, [client])
}

export function upsertJob(jobs: Job[] | undefined, job: Job): Job[] {
  const list = jobs ?? []
  const index = list.findIndex((j) => j.id === job.id)
  if (index === -1) return [job, ...list].slice(0, 200)
  const next = list.slice()
  next[index] = job
  return next
}
