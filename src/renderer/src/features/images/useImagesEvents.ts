import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { imagesKeys } from '../../api/images-hooks'
import { subscribe } from '../../api/client'

/** Rows arrive one by one: the open run, the runs list and the batches refresh, at most 4 times a second. */
export function useImagesEvents(): void {
  const client = useQueryClient()
  useEffect(() => {
    const dirty = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = (): void => {
      timer = null
      for (const runId of dirty) void client.invalidateQueries({ queryKey: imagesKeys.run(runId) })
      dirty.clear()
      void client.invalidateQueries({ queryKey: imagesKeys.runs })
      void client.invalidateQueries({ queryKey: imagesKeys.batches })
    }
    const off = subscribe('images.run.updated', ({ runId }) => {
      dirty.add(runId)
      timer ??= setTimeout(flush, 250)
    })
    return () => {
      off()
      // Leaving the page must not drop updates that arrived in the last 250 ms: the run would
      // stay stale in the cache when the user comes back to it.
      if (timer) {
        clearTimeout(timer)
        flush()
      }
    }
  }, [client])
}
