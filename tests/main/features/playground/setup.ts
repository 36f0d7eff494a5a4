import type { FramewiseApp } from '../../../../src/main/app/create-app'
import type { PlaygroundStreamEvent, SendInput } from '../../../../src/shared/domain/playground'
import { addProvider, fakeOpenAI } from '../../../support/ai'
import { testApp } from '../../../support/app'

export async function playgroundSetup() {
  const fake = await fakeOpenAI()
  const app = testApp()
  await addProvider(app, fake.baseURL, { isDefault: true })
  return { fake, app }
}

/** Sends a turn with a stream id and collects the events it streamed. */
export async function sendStreamed(app: FramewiseApp, input: SendInput) {
  const streamId = `s-${Math.random().toString(36).slice(2)}`
  const events: PlaygroundStreamEvent[] = []
  const stop = app.bus.on('playground.stream', (e) => {
    if (e.streamId === streamId) events.push(e)
  })
  try {
    const result = await app.router.call('playground.send', { ...input, streamId })
    return { result, events }
  } finally {
    stop()
  }
}

export const bodyOf = (request: { body: unknown }) => request.body as Record<string, unknown>
