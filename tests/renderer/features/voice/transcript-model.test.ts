import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../../src/shared/contract'
import {
  applyVoiceEvent,
  markInterrupted,
  type Entry
} from '../../../../src/renderer/src/features/voice/transcript-model'

type VoiceEvent = EventPayload<'voice.event'>
const sessionId = 's'
const run = (events: VoiceEvent[]): Entry[] => events.reduce(applyVoiceEvent, [] as Entry[])
const words = (role: 'user' | 'assistant', itemId: string, text: string, final = false): VoiceEvent => ({
  sessionId,
  type: 'transcript',
  role,
  itemId,
  text,
  final
})

describe('the live transcript', () => {
  it('joins deltas into one bubble per item, then takes the final text', () => {
    const entries = run([
      words('user', 'u1', 'What do I have', true),
      words('assistant', 'a1', 'You '),
      words('assistant', 'a1', 'have one'),
      {
        sessionId,
        type: 'turn',
        itemId: 'a1',
        latencyMs: 240,
        usage: {
          inputTokens: 1,
          outputTokens: 1,
          cachedTokens: 0,
          audioInputTokens: 0,
          audioOutputTokens: 0
        },
        costUsd: 0
      }
    ])
    expect(entries).toEqual([
      { kind: 'user', key: 'u1', text: 'What do I have', final: true, latencyMs: null, interrupted: false },
      { kind: 'assistant', key: 'a1', text: 'You have one', final: false, latencyMs: 240, interrupted: false }
    ])
    expect(
      run([words('assistant', 'a1', 'You '), words('assistant', 'a1', 'You have one video.', true)])[0]
    ).toMatchObject({
      text: 'You have one video.',
      final: true
    })
  })

  it('shows a tool call while it runs, then its output, in place', () => {
    const call = {
      sessionId,
      type: 'tool' as const,
      callId: 'c1',
      name: 'search_library',
      arguments: '{"query":"fox"}',
      failed: false
    }
    const entries = run([
      { ...call, output: null },
      words('assistant', 'a1', 'Found it'),
      { ...call, output: '{"results":[]}' }
    ])
    expect(entries.map((e) => e.key)).toEqual(['tool-c1', 'a1'])
    expect(entries[0]).toMatchObject({ kind: 'tool', output: '{"results":[]}' })
  })

  it('tells the user the connection dropped and closes the half-said answer', () => {
    const entries = run([
      words('assistant', 'a1', 'You have'),
      { sessionId, type: 'status', status: 'reconnecting', reason: '1006' },
      { sessionId, type: 'status', status: 'reconnected', reason: '1006' }
    ])
    expect(entries[0]).toMatchObject({ final: true, interrupted: true })
    expect(entries.slice(1).map((e) => (e.kind === 'notice' ? e.textKey : ''))).toEqual([
      'voice.status.reconnecting',
      'voice.status.reconnected'
    ])
  })

  it('marks the answer the user spoke over', () => {
    const entries = markInterrupted(run([words('assistant', 'a1', 'Long story', true)]), 'a1')
    expect(entries[0]).toMatchObject({ interrupted: true })
  })
})
