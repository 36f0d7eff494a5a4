import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AssetKind } from '@shared/domain/asset'
import type { Settings, SettingsPatch } from '@shared/domain/settings'
import { call } from './client'
import { queryKeys } from './query-keys'

const PAGE_SIZE = 200

export function useSettings() {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => call('settings.get', {}),
    staleTime: Infinity
  })
}

/** Sends only the fields that changed, and shows them at once (the core's answer then confirms them). */
export function useUpdateSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (patch: SettingsPatch) => call('settings.update', patch),
    onMutate: (patch) => {
      client.setQueryData<Settings>(queryKeys.settings, (old) => (old ? { ...old, ...patch } : old))
    },
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
    onError: () => client.invalidateQueries({ queryKey: queryKeys.settings })
  })
}

/** Pages by cursor: each page starts right after the last one, however deep (ADR 013). */
export function useLibrary(search: string, kind: AssetKind | undefined) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.library, 'list', search, kind ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call('library.list', { search: search || undefined, kind, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined
  })
}

export function useJobs() {
  return useQuery({
    queryKey: queryKeys.jobs,
    queryFn: () => call('jobs.list', { limit: 100 }),
    staleTime: Infinity
  })
}

export function useDoctor() {
  return useQuery({ queryKey: queryKeys.doctor, queryFn: () => call('app.doctor', {}), staleTime: 60_000 })
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.info, queryFn: () => call('app.info', {}), staleTime: Infinity })
}

export function useDeleteAssets() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (ids: string[]) => call('library.delete', { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.library })
  })
}
