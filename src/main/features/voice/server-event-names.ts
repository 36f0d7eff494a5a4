/**
 * The retired beta protocol's names for the events Framewise reads, mapped to their GA names, so a
 * provider still on the beta shape (some gateways) is understood. GA names always win.
 */
const BETA_TO_GA: Record<string, string> = {
  'response.audio.delta': 'response.output_audio.delta',
  'response.audio.done': 'response.output_audio.done',
  'response.audio_transcript.delta': 'response.output_audio_transcript.delta',
  'response.audio_transcript.done': 'response.output_audio_transcript.done',
  'response.text.delta': 'response.output_text.delta',
  'response.text.done': 'response.output_text.done',
  'conversation.item.created': 'conversation.item.added'
}

export function gaEventType(type: string): string {
  return BETA_TO_GA[type] ?? type
}

/** A server event as Framewise reads it: its GA type and the raw fields. */
export interface ServerEvent {
  type: string
  [field: string]: unknown
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

export function obj(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}
