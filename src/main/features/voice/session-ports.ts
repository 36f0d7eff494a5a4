import type { VoiceEvent, VoiceUsage } from '@shared/domain/voice'
import type { Logger } from '../../platform/logger'
import type { VoiceAudioFiles } from './voice-audio-files'
import type { VoiceRepo } from './voice-repo'
import type { VoiceTools } from './voice-tools'

type WithoutSession<T> = T extends unknown ? Omit<T, 'sessionId'> : never
/** A `voice.event` before the session id is put on it. */
export type VoiceEventBody = WithoutSession<VoiceEvent>

/** What a live session writes to and calls; the service builds one per session. */
export interface SessionPorts {
  sessionId: string
  repo: VoiceRepo
  emit(event: VoiceEventBody): void
  /** Records one response's usage in the ledger (Usage page) and returns its cost. */
  recordUsage(
    usage: VoiceUsage,
    cachedAudioTokens: number,
    latencyMs: number,
    requestId: string | null
  ): number
  /** Records the transcription of a user turn (billed apart, at the transcription model's price). */
  recordTranscription(usage: unknown): void
  tools: VoiceTools | null
  /** Set when the user keeps "save audio" on. */
  audio: VoiceAudioFiles | null
  now(): number
  logger: Logger
}

/** Sends a client event on the current socket (a no-op while it is reconnecting). */
export type SendEvent = (event: Record<string, unknown> & { type: string }) => void
