import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SummaryOptionsInput } from '@shared/domain/video'
import { call } from './client'
import { queryKeys } from './query-keys'

export function useAsset(id: string) {
  return useQuery({ queryKey: queryKeys.asset(id), queryFn: () => call('library.get', { id }) })
}

export function useAnalysis(assetId: string) {
  return useQuery({
    queryKey: queryKeys.analysis(assetId),
    queryFn: () => call('video.analysis', { assetId })
  })
}

/** The estimate follows the options as they are edited; it never calls a model. */
export function useEstimate(assetId: string, options: SummaryOptionsInput, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.estimate(assetId, options),
    queryFn: () => call('video.estimate', { assetId, options }),
    enabled,
    placeholderData: (previous) => previous,
    retry: false
  })
}

export function useSummarize(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: { options: SummaryOptionsInput; force: boolean }) =>
      call('video.summarize', { assetId, ...args }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.analysis(assetId) })
  })
}

export function useConversation(assetId: string) {
  return useQuery({
    queryKey: queryKeys.conversation(assetId),
    queryFn: () => call('video.conversation', { assetId })
  })
}

export function useAsk(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (question: string) => call('video.ask', { assetId, question }),
    onSuccess: (turns) => client.setQueryData(queryKeys.conversation(assetId), turns)
  })
}

export function useClearConversation(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('video.conversation.clear', { assetId }),
    onSuccess: () => client.setQueryData(queryKeys.conversation(assetId), [])
  })
}

/** The playable copy of a video this window cannot decode; refreshed when its job finishes. */
export function usePlayable(assetId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.playable(assetId),
    queryFn: () => call('video.playable', { assetId }),
    enabled
  })
}

export function useMakePlayable(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('video.makePlayable', { assetId }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.playable(assetId) })
  })
}
