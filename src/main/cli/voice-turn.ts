import type { EventPayload } from '@shared/contract'
import { AppError } from '@shared/errors'
import type { CommandContext } from './context'

type VoiceEvent = EventPayload<'voice.event'>

const CHUNK_MS = 100
const CHUNK_BYTES = CHUNK_MS * 48
/** Silence after the speech, longer than any sensible VAD silence duration, so the turn ends. */
const TRAILING_SILENCE_MS = 1500
const ANSWER_TIMEOUT_MS = 120_000
const USER_TRANSCRIPT_GRACE_MS = 5000

/** What one spoken turn produced, as the page would have seen it. */
export interface HeardTurn {
  userTranscript: string
  assistantTranscript: string
  firstAudioMs: number | null
}

/** Collects a session's events from the moment it is created (they can arrive before start returns). */
export function listenToVoice(ctx: CommandContext): { events: VoiceEvent[]; stop(): void } {
  const events: VoiceEvent[] = []
  const stop = ctx.on('voice.event', (event) => events.push(event))
  return { events, stop }
}

/** Streams PCM as a microphone would (100 ms every 100 ms, or at once with `fast`), then silence. */
export async function speak(
  ctx: CommandContext,
  sessionId: string,
  pcm: Buffer,
  fast: boolean
): Promise<void> {
  const all = Buffer.concat([pcm, Buffer.alloc(TRAILING_SILENCE_MS * 48)])
  const started = Date.now()
  for (let at = 0, i = 0; at < all.length; at += CHUNK_BYTES, i += 1) {
    await ctx.call('voice.audio', { sessionId, pcm: all.subarray(at, at + CHUNK_BYTES).toString('base64') })
    const due = started + (i + 1) * CHUNK_MS
    if (!fast && due > Date.now()) await sleep(due - Date.now())
  }
}

/** Waits for the model's spoken (or written) answer to the turn, after any tool calls. */
export async function waitForAnswer(events: VoiceEvent[], sessionId: string): Promise<HeardTurn> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS
  for (;;) {
    const mine = events.filter((e) => e.sessionId === sessionId)
    const answer = mine.find((e) => e.type === 'turn' && e.itemId !== null)
    if (answer?.type === 'turn') {
      await userTranscriptOrGrace(events, sessionId)
      return heard(
        events.filter((e) => e.sessionId === sessionId),
        answer.itemId,
        answer.latencyMs
      )
    }
    const closed = mine.find((e) => e.type === 'status' && e.status === 'closed')
    if (closed?.type === 'status')
      throw new AppError(
        'AI_STREAM_INTERRUPTED',
        `The voice session closed: ${closed.reason ?? 'no reason given'}.`
      )
    if (Date.now() > deadline)
      throw new AppError('AI_TIMEOUT', 'The model did not answer within two minutes.')
    await sleep(20)
  }
}

/** Input transcription runs beside the answer and may finish after it. */
async function userTranscriptOrGrace(events: VoiceEvent[], sessionId: string): Promise<void> {
  const until = Date.now() + USER_TRANSCRIPT_GRACE_MS
  const has = () =>
    events.some((e) => e.sessionId === sessionId && e.type === 'transcript' && e.role === 'user' && e.final)
  while (!has() && Date.now() < until) await sleep(20)
}

function heard(events: VoiceEvent[], itemId: string | null, latencyMs: number | null): HeardTurn {
  const finals = events.filter((e) => e.type === 'transcript' && e.final)
  const text = (role: 'user' | 'assistant', item?: string | null) =>
    finals
      .filter((e) => e.type === 'transcript' && e.role === role && (item === undefined || e.itemId === item))
      .map((e) => (e.type === 'transcript' ? e.text : ''))
      .join(' ')
  return {
    userTranscript: text('user'),
    assistantTranscript: text('assistant', itemId),
    firstAudioMs: latencyMs
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
