import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SpeakInput, TranscribeOptionsInput } from '@shared/domain/audio'
import { call } from './client'

export const audioKeys = {
  transcript: (assetId: string) => ['audio', 'transcript', assetId] as const,
  estimate: (assetId: string, options: unknown) => ['audio', 'estimate', assetId, options] as const,
  speech: (id: string) => ['audio', 'speech', id] as const,
  speechFor: (assetId: string) => ['audio', 'speechFor', assetId] as const,
  speeches: ['audio', 'speeches'] as const,
  speechEstimate: (text: string, model: string | undefined) =>
    ['audio', 'speechEstimate', text, model] as const
}

export function useTranscript(assetId: string) {
  return useQuery({
    queryKey: audioKeys.transcript(assetId),
    queryFn: () => call('audio.transcript', { assetId })
  })
}

/** Minutes × the model's price; never calls a model. */
export function useTranscribeEstimate(assetId: string, options: TranscribeOptionsInput) {
  return useQuery({
    queryKey: audioKeys.estimate(assetId, options),
    queryFn: () => call('audio.estimate', { assetId, options }),
    placeholderData: (previous) => previous,
    retry: false
  })
}

export function useTranscribe(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: { options: TranscribeOptionsInput; force: boolean }) =>
      call('audio.transcribe', { assetId, ...args }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['audio'] })
  })
}

export function useUpdateTranscript(assetId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (args: {
      transcriptId: string
      edits?: { index: number; text: string | null }[]
      speakers?: Record<string, string>
    }) => call('audio.transcript.update', args),
    onSuccess: (view) => client.setQueryData(audioKeys.transcript(assetId), view)
  })
}

export function useSpeak() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: SpeakInput) => call('audio.speak', input),
    onSuccess: () => client.invalidateQueries({ queryKey: audioKeys.speeches })
  })
}

/** A speech as its pieces arrive; core events refresh it (see useCoreEvents' ['audio'] invalidation). */
export function useSpeech(speechId: string | null) {
  return useQuery({
    queryKey: audioKeys.speech(speechId ?? ''),
    queryFn: () => call('audio.speech', { speechId: speechId as string }),
    enabled: speechId !== null
  })
}

export function useSpeechForAsset(assetId: string, enabled: boolean) {
  return useQuery({
    queryKey: audioKeys.speechFor(assetId),
    queryFn: () => call('audio.speech.forAsset', { assetId }),
    enabled
  })
}

export function useSpeeches() {
  return useQuery({ queryKey: audioKeys.speeches, queryFn: () => call('audio.speeches', { limit: 20 }) })
}

export function useSpeechEstimate(text: string, model: string | undefined) {
  return useQuery({
    queryKey: audioKeys.speechEstimate(text, model),
    queryFn: () => call('audio.speech.estimate', { text, model }),
    enabled: text.trim().length > 0,
    placeholderData: (previous) => previous,
    retry: false
  })
}
