import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { notifyError } from '../i18n/notify-error'
import { call } from './client'
import { queryKeys } from './query-keys'

/** Cancel, retry and clear jobs; a refused action is shown, never dropped. */
export function useJobActions() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.jobs })
  const onError = (error: unknown) => notifyError(t, error)
  const cancel = useMutation({
    mutationFn: (id: string) => call('jobs.cancel', { id }),
    onError,
    onSettled: refresh
  })
  const retry = useMutation({
    mutationFn: (id: string) => call('jobs.retry', { id }),
    onError,
    onSettled: refresh
  })
  const clearFinished = useMutation({
    mutationFn: () => call('jobs.clearFinished', {}),
    onError,
    onSettled: refresh
  })
  return { cancel, retry, clearFinished }
}
