import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EditInput, GalleryQuery, GenerateInput } from '@shared/domain/gallery'
import { call } from './client'

// Under ['library', …]: every library.changed event (a stored image, a delete) refreshes them.
export const galleryKeys = {
  all: ['library', 'gallery'] as const,
  list: (query: GalleryQuery) => ['library', 'gallery', 'list', query] as const,
  detail: (assetId: string) => ['library', 'gallery', 'detail', assetId] as const,
  run: (runId: string) => ['library', 'gallery', 'run', runId] as const,
  models: ['gallery', 'models'] as const,
  estimate: (request: unknown) => ['gallery', 'estimate', request] as const
}

const PAGE_SIZE = 120

export function useGallery(query: Omit<GalleryQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: galleryKeys.list(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call('gallery.list', { ...query, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined
  })
}

export function useGalleryDetail(assetId: string | null) {
  return useQuery({
    queryKey: galleryKeys.detail(assetId ?? ''),
    queryFn: () => call('gallery.detail', { assetId: assetId as string }),
    enabled: assetId !== null
  })
}

export function useImageRun(runId: string | null) {
  return useQuery({
    queryKey: galleryKeys.run(runId ?? ''),
    queryFn: () => call('gallery.run', { runId: runId as string }),
    enabled: runId !== null
  })
}

export function useImageModels() {
  return useQuery({
    queryKey: galleryKeys.models,
    queryFn: () => call('gallery.models', {}),
    staleTime: 60_000
  })
}

/** The price before sending; a refused parameter shows up as this query's error. */
export function useImageEstimate(request: GenerateInput | EditInput | null) {
  return useQuery({
    queryKey: galleryKeys.estimate(request),
    queryFn: () => call('gallery.estimate', { request: request as GenerateInput }),
    enabled: request !== null,
    placeholderData: (previous) => previous,
    retry: false
  })
}

export function useGenerate() {
  return useMutation({ mutationFn: (input: GenerateInput) => call('gallery.generate', input) })
}

export function useEditImage() {
  return useMutation({ mutationFn: (input: EditInput) => call('gallery.edit', input) })
}

export function useFavourite() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: { assetId: string; favourite: boolean }) => call('gallery.favourite', args),
    onSuccess: () => client.invalidateQueries({ queryKey: galleryKeys.all })
  })
}

export function useDeleteImages() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (ids: string[]) => call('library.delete', { ids }),
    onSuccess: (_, ids) => {
      for (const id of ids) client.removeQueries({ queryKey: galleryKeys.detail(id) })
      return client.invalidateQueries({ queryKey: galleryKeys.all })
    }
  })
}
