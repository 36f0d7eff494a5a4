import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { subscribe } from '../../api/client'

/**
 * Transcripts and speech fill in piece by piece: while an audio job reports progress (or the library
 * changes), the page's audio queries are refreshed, at most a few times a second.
 */
export function useAudioEvents(): void {
  const client = useQueryClient()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = (): void => {
      timer = null
      void client.invalidateQueries({ queryKey: ['audio'] })
    }
    const refresh = (): void => {
      timer ??= setTimeout(flush, 250)
    }
    const offJobs = subscribe('job.updated', (job) => job.kind.startsWith('audio.') && refresh())
    const offLibrary = subscribe('library.changed', refresh)
    return () => {
      offJobs()
      offLibrary()
      // An update from the last 250 ms still marks the cache stale, or the page would come back stale.
      if (timer) {
        clearTimeout(timer)
        flush()
      }
    }
  }, [client])
}
