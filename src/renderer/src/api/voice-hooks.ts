import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './client'

export const voiceKeys = {
  capability: (providerId: string | undefined) => ['voice', 'capability', providerId ?? ''] as const,
  sessions: (search: string) => ['voice', 'sessions', search] as const,
  session: (id: string) => ['voice', 'session', id] as const
}

export function useVoiceCapability(providerId: string | undefined) {
  return useQuery({
    queryKey: voiceKeys.capability(providerId),
    queryFn: () => call('voice.capability', { providerId })
  })
}

export function useVoiceSessions(search: string) {
  return useQuery({
    queryKey: voiceKeys.sessions(search),
    queryFn: () => call('voice.sessions', { search: search || undefined, limit: 50 }),
    placeholderData: keepPreviousData
  })
}

export function useVoiceSession(sessionId: string | null) {
  return useQuery({
    queryKey: voiceKeys.session(sessionId ?? ''),
    queryFn: () => call('voice.session', { sessionId: sessionId ?? '' }),
    enabled: sessionId !== null
  })
}

export function useDeleteVoiceSession() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => call('voice.delete', { sessionId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['voice', 'sessions'] })
  })
}
