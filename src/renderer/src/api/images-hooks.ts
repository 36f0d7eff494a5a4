import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ExtractorDraft, RunChoice } from '@shared/domain/extract'
import { call } from './client'

export const imagesKeys = {
  all: ['images'] as const,
  extractors: ['images', 'extractors'] as const,
  runs: ['images', 'runs'] as const,
  run: (runId: string) => ['images', 'run', runId] as const,
  estimate: (choice: unknown) => ['images', 'estimate', choice] as const,
  lint: (schema: unknown) => ['images', 'lint', schema] as const,
  batches: ['batches'] as const
}

export function useExtractors() {
  return useQuery({ queryKey: imagesKeys.extractors, queryFn: () => call('images.extractors', {}) })
}

export function useSaveExtractor() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (draft: ExtractorDraft) => call('images.extractor.save', draft),
    onSuccess: () => client.invalidateQueries({ queryKey: imagesKeys.extractors })
  })
}

export function useDeleteExtractor() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('images.extractor.delete', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: imagesKeys.extractors })
  })
}

/** The strict-mode rules a schema breaks, as the user types (never sends anything to a model). */
export function useSchemaLint(schema: unknown, enabled: boolean) {
  return useQuery({
    queryKey: imagesKeys.lint(schema),
    queryFn: () => call('images.schema.lint', { schema }),
    enabled,
    placeholderData: (previous) => previous
  })
}

export function useExtractEstimate(choice: RunChoice | null, force = false) {
  return useQuery({
    queryKey: imagesKeys.estimate({ choice, force }),
    queryFn: () => call('images.estimate', { ...(choice as RunChoice), force }),
    enabled: choice !== null,
    placeholderData: (previous) => previous,
    retry: false
  })
}

export function useStartRun() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: RunChoice & { force: boolean; batch: boolean }) => call('images.run', input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: imagesKeys.runs })
      void client.invalidateQueries({ queryKey: imagesKeys.batches })
    }
  })
}

export function useRuns() {
  return useQuery({ queryKey: imagesKeys.runs, queryFn: () => call('images.runs', { limit: 100 }) })
}

export function useRun(runId: string | undefined) {
  return useQuery({
    queryKey: imagesKeys.run(runId ?? ''),
    queryFn: () => call('images.run.view', { runId: runId as string }),
    enabled: Boolean(runId)
  })
}

export function useEditRow(runId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: { assetId: string; edits: Record<string, unknown> }) =>
      call('images.run.edit', { runId, ...args }),
    onSuccess: (view) => client.setQueryData(imagesKeys.run(runId), view)
  })
}

export function useRetryRun(runId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (assetIds?: string[]) => call('images.run.retry', { runId, assetIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: imagesKeys.all })
  })
}

export function useDeleteRun() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (runId: string) => call('images.run.delete', { runId }),
    onSuccess: () => client.invalidateQueries({ queryKey: imagesKeys.runs })
  })
}

export function useBatches() {
  return useQuery({ queryKey: imagesKeys.batches, queryFn: () => call('batch.list', { limit: 200 }) })
}

/** Picks up a batch whose polling stopped (an error, or another process that went away). */
export function useFollowBatch() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('batch.follow', { id }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: imagesKeys.all })
      await client.invalidateQueries({ queryKey: imagesKeys.batches })
    }
  })
}

export function useCancelBatch() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('batch.cancel', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: imagesKeys.batches })
  })
}
