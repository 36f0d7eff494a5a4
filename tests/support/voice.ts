import { afterEach, expect } from 'vitest'
import type { EventPayload } from '../../src/shared/contract'
import type { VoiceSettingsInput } from '../../src/shared/domain/voice'
import type { FramewiseApp } from '../../src/main/app/create-app'
import { addProvider } from './ai'
import { testApp } from './app'
import { startFakeRealtime, type FakeRealtime } from './fake-realtime/server'
import { tone } from './fake-realtime/events'

type VoiceEvent = EventPayload<'voice.event'>

const fakes: FakeRealtime[] = []
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close()
})

export async function fakeRealtime(): Promise<FakeRealtime> {
  const fake = await startFakeRealtime()
  fakes.push(fake)
  return fake
}

/** A core with a provider pointing at a fake Realtime server, and every voice event it sends. */
export async function voiceSetup(): Promise<{ app: FramewiseApp; fake: FakeRealtime; events: VoiceEvent[] }> {
  const fake = await fakeRealtime()
  const app = testApp()
  await addProvider(app, fake.baseURL)
  const events: VoiceEvent[] = []
  app.bus.on('voice.event', (event) => events.push(event))
  return { app, fake, events }
}

export function silence(ms: number): Buffer {
  return Buffer.alloc(Math.round(ms * 48))
}

/** Something the fake's VAD hears as speech. */
export const speech = (ms: number): Buffer => tone(ms)

/** Sends audio as the page does: 100 ms chunks through the route. */
export async function sendAudio(app: FramewiseApp, sessionId: string, pcm: Buffer): Promise<void> {
  for (let at = 0; at < pcm.length; at += 4800)
    await app.router.call('voice.audio', { sessionId, pcm: pcm.subarray(at, at + 4800).toString('base64') })
}

/** One spoken turn: a breath of silence, a second of "speech", then silence so the server VAD ends it. */
export const spokenTurn = (): Buffer => Buffer.concat([silence(200), speech(1000), silence(900)])

export async function start(app: FramewiseApp, settings: VoiceSettingsInput = {}): Promise<string> {
  const { sessionId } = await app.router.call('voice.start', settings)
  return sessionId
}

/** Waits until an answer with words or audio is done (tool-only responses do not count). */
export async function answered(events: VoiceEvent[], count = 1): Promise<void> {
  await expect
    .poll(() => events.filter((e) => e.type === 'turn' && e.itemId !== null).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(count)
}

export function ofType<T extends VoiceEvent['type']>(
  events: VoiceEvent[],
  type: T
): Extract<VoiceEvent, { type: T }>[] {
  return events.filter((e): e is Extract<VoiceEvent, { type: T }> => e.type === type)
}
