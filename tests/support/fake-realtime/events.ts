import { sampleEvents } from '../fake-openai/samples'

type Json = Record<string, unknown>

/** The recorded GA server events (two real sessions), by type: the first of each. */
function recorded(type: string): Json {
  const found = (sampleEvents('realtime-ga-server-events.json') as Json[]).find((e) => e.type === type)
  if (!found) throw new Error(`No recorded ${type}`)
  return found
}

let counter = 0
export const nextId = (prefix: string): string => `${prefix}_fake${String(++counter).padStart(6, '0')}`

export function sessionCreated(model: string): Json {
  const event = recorded('session.created')
  return { ...event, event_id: nextId('event'), session: { ...(event.session as Json), model } }
}

/** session.updated: the recorded session with what the client asked for laid over it. */
export function sessionUpdated(current: Json, asked: Json): Json {
  const event = recorded('session.updated')
  const audio = { ...(current.audio as Json) }
  const askedAudio = (asked.audio ?? {}) as Json
  audio.input = { ...(audio.input as Json), ...((askedAudio.input ?? {}) as Json) }
  audio.output = { ...(audio.output as Json), ...((askedAudio.output ?? {}) as Json) }
  return { ...event, event_id: nextId('event'), session: { ...current, ...asked, audio } }
}

/** The recorded response.done usage (input_token_details with cached audio, output audio tokens). */
export function recordedUsage(): Json {
  return (recorded('response.done').response as Json).usage as Json
}

export function responseDone(id: string, status: string, output: Json[]): Json {
  const event = recorded('response.done')
  return {
    type: 'response.done',
    event_id: nextId('event'),
    response: { ...(event.response as Json), id, status, output, usage: recordedUsage() }
  }
}

/** A 440 Hz tone of `ms` milliseconds: PCM16 mono 24 kHz, what the model "says". */
export function tone(ms: number): Buffer {
  const samples = Math.round((ms / 1000) * 24_000)
  const pcm = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++)
    pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / 24_000) * 8000), i * 2)
  return pcm
}

/** Root mean square of PCM16 samples, 0..32768. */
export function rms(pcm: Buffer): number {
  let sum = 0
  const n = Math.floor(pcm.length / 2)
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2
  return n ? Math.sqrt(sum / n) : 0
}
