import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ProviderInput } from '@shared/domain/provider'
import type { Price } from '@shared/domain/usage'
import { call } from './client'
import { queryKeys } from './query-keys'

export function useProviders() {
  return useQuery({ queryKey: queryKeys.providers, queryFn: () => call('providers.list', {}) })
}

export function usePresets() {
  return useQuery({
    queryKey: queryKeys.presets,
    queryFn: () => call('providers.presets', {}),
    staleTime: Infinity
  })
}

export function useSaveProvider() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: { id: string | null; provider: ProviderInput }) => call('providers.save', args),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.providers })
  })
}

export function useRemoveProvider() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('providers.remove', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.providers })
  })
}

export function useTestProvider() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('providers.test', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.providers })
  })
}

export function useUsageSummary() {
  return useQuery({ queryKey: queryKeys.usage, queryFn: () => call('usage.summary', {}) })
}

export function usePrices() {
  return useQuery({ queryKey: queryKeys.prices, queryFn: () => call('prices.list', {}) })
}

export function useUpdatePrice() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (price: Price) => call('prices.update', price),
    onSuccess: (prices) => client.setQueryData(queryKeys.prices, prices)
  })
}

export function useResetPrice() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (model: string) => call('prices.reset', { model }),
    onSuccess: (prices) => client.setQueryData(queryKeys.prices, prices)
  })
}
