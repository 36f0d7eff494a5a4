import type { EventPayload } from '@shared/contract'

type VoiceEvent = EventPayload<'voice.event'>

export type Entry =
  | {
      kind: 'user' | 'assistant'
      key: string
      text: string
      final: boolean
      latencyMs: number | null
      interrupted: boolean
    }
  | { kind: 'tool'; key: string; name: string; arguments: string; output: string | null; failed: boolean }
  | { kind: 'notice'; key: string; textKey: string; detail: string | null }

/** The live transcript: each event changes at most one entry (or adds one), so React re-renders little. */
export function applyVoiceEvent(entries: Entry[], event: VoiceEvent): Entry[] {
  switch (event.type) {
    case 'transcript':
      return applyText(entries, event.role, event.itemId, event.text, event.final)
    case 'tool':
      return upsert(entries, `tool-${event.callId}`, {
        kind: 'tool',
        key: `tool-${event.callId}`,
        name: event.name,
        arguments: event.arguments,
        output: event.output,
        failed: event.failed
      })
    case 'turn':
      return event.itemId === null
        ? entries
        : entries.map((e) =>
            e.key === event.itemId && e.kind === 'assistant' ? { ...e, latencyMs: event.latencyMs } : e
          )
    case 'status':
      return event.status === 'reconnecting' || event.status === 'reconnected'
        ? [
            ...finishAll(entries),
            {
              kind: 'notice',
              key: `notice-${entries.length}`,
              textKey: `voice.status.${event.status}`,
              detail: event.reason
            }
          ]
        : entries
    default:
      return entries
  }
}

/** Barge-in: the answer being played was cut where the user started speaking. */
export function markInterrupted(entries: Entry[], itemId: string): Entry[] {
  return entries.map((e) => (e.key === itemId && e.kind === 'assistant' ? { ...e, interrupted: true } : e))
}

function applyText(
  entries: Entry[],
  role: 'user' | 'assistant',
  key: string,
  text: string,
  final: boolean
): Entry[] {
  const existing = entries.find((e) => e.key === key)
  const base = existing && existing.kind === role ? existing : null
  const next = final ? text : `${base?.text ?? ''}${text}`
  return upsert(entries, key, {
    kind: role,
    key,
    text: next,
    final,
    latencyMs: base?.latencyMs ?? null,
    interrupted: base?.interrupted ?? false
  })
}

function upsert(entries: Entry[], key: string, entry: Entry): Entry[] {
  const index = entries.findIndex((e) => e.key === key)
  if (index < 0) return [...entries, entry]
  return entries.map((e, i) => (i === index ? entry : e))
}

function finishAll(entries: Entry[]): Entry[] {
  return entries.map((e) =>
    e.kind === 'assistant' && !e.final ? { ...e, final: true, interrupted: true } : e
  )
}
