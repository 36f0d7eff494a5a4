import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CodeLanguage, SendInput, TurnSettings } from '@shared/domain/playground'
import { call } from './client'

export const playgroundKeys = {
  all: ['playground'] as const,
  list: (search: string) => ['playground', 'list', search] as const,
  conversation: (id: string) => ['playground', 'conversation', id] as const,
  code: (messageId: string, language: CodeLanguage) => ['playground', 'code', messageId, language] as const,
  stores: ['playground', 'vector-stores'] as const
}

export function useConversations(search: string) {
  return useQuery({
    queryKey: playgroundKeys.list(search),
    queryFn: () => call('playground.conversations', { search: search || undefined, limit: 200 }),
    placeholderData: (previous) => previous
  })
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: playgroundKeys.conversation(id ?? ''),
    queryFn: () => call('playground.conversation', { id: id as string }),
    enabled: id !== null
  })
}

/** After any change, every list and conversation is read again. */
function useRefresh() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: playgroundKeys.all })
}

export function useSend() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: SendInput) => call('playground.send', input), onSettled: refresh })
}

export function useCompare() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: {
      conversationId?: string
      prompt: string
      columns: TurnSettings[]
      streamIds: string[]
    }) => call('playground.compare', input),
    onSettled: refresh
  })
}

export function usePick() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (messageId: string) => call('playground.pick', { messageId }),
    onSettled: refresh
  })
}

export function useCondense() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (id: string) => call('playground.condense', { id }), onSettled: refresh })
}

export function useStop() {
  return useMutation({ mutationFn: (streamId: string) => call('playground.stop', { streamId }) })
}

export function useConversationActions() {
  const refresh = useRefresh()
  const rename = useMutation({
    mutationFn: (args: { id: string; title: string }) => call('playground.rename', args),
    onSettled: refresh
  })
  const pin = useMutation({
    mutationFn: (args: { id: string; pinned: boolean }) => call('playground.pin', args),
    onSettled: refresh
  })
  const remove = useMutation({
    mutationFn: (id: string) => call('playground.delete', { id }),
    onSettled: refresh
  })
  return { rename, pin, remove }
}

export function useRequestCode(messageId: string | null, language: CodeLanguage) {
  return useQuery({
    queryKey: playgroundKeys.code(messageId ?? '', language),
    queryFn: () => call('playground.code', { messageId: messageId as string, language }),
    enabled: messageId !== null
  })
}

export function useVectorStores() {
  return useQuery({ queryKey: playgroundKeys.stores, queryFn: () => call('vectorstores.list', {}) })
}

export function useVectorStoreActions() {
  const client = useQueryClient()
  const refresh = () => client.invalidateQueries({ queryKey: playgroundKeys.stores })
  const create = useMutation({
    mutationFn: (name: string) => call('vectorstores.create', { name }),
    onSettled: refresh
  })
  const add = useMutation({
    mutationFn: (args: { id: string; assetIds?: string[]; paths?: string[] }) =>
      call('vectorstores.add', { id: args.id, assetIds: args.assetIds ?? [], paths: args.paths ?? [] }),
    onSettled: refresh
  })
  const remove = useMutation({
    mutationFn: (id: string) => call('vectorstores.delete', { id }),
    onSettled: refresh
  })
  return { create, add, remove }
}

/** The strict-schema linter's messages for a schema being typed (shared with the Images page). */
export function useSchemaIssues(schema: Record<string, unknown> | null) {
  return useQuery({
    queryKey: ['playground', 'lint', schema],
    queryFn: () => call('images.schema.lint', { schema: schema as Record<string, unknown> }),
    enabled: schema !== null,
    placeholderData: (previous) => previous
  })
}
