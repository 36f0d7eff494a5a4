import { describe, expect, it } from 'vitest'
import type { SessionPorts } from '../../../../src/main/features/voice/session-ports'
import { TurnRecorder } from '../../../../src/main/features/voice/turn-recorder'

/** Ports that keep what the recorder writes: the saved audio of each user turn. */
function ports() {
  const written: { name: string; bytes: number }[] = []
  const port = {
    sessionId: 's1',
    repo: { addTurn: () => undefined, setTurnText: () => undefined, addUsage: () => undefined },
    emit: () => undefined,
    recordUsage: () => 0,
    recordTranscription: () => undefined,
    tools: null,
    audio: {
      write: (_session: string, name: string, pcm: Buffer) => {
        written.push({ name, bytes: pcm.length })
        return `${name}.wav`
      }
    },
    now: () => Date.now(),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined }
  } as unknown as SessionPorts
  return { port, written }
}

const SECOND = Buffer.alloc(48_000) // one second of PCM16 mono at 24 kHz

describe('the saved audio of a hands-free turn', () => {
  it('keeps the speech and a little before it, not the minutes of silence the mic sent first', () => {
    const { port, written } = ports()
    const recorder = new TurnRecorder(port, () => undefined)
    for (let i = 0; i < 120; i++) recorder.noteUserAudio(SECOND) // two minutes of a quiet room
    recorder.handle({ type: 'input_audio_buffer.speech_started', audio_start_ms: 120_000 })
    for (let i = 0; i < 3; i++) recorder.noteUserAudio(SECOND) // three seconds of speech
    recorder.handle({ type: 'input_audio_buffer.committed', item_id: 'item_1' })
    expect(written).toHaveLength(1)
    const seconds = (written[0]?.bytes ?? 0) / 48_000
    expect(seconds).toBeGreaterThanOrEqual(3)
    expect(seconds).toBeLessThanOrEqual(5)
  })

  it('never holds more than a minute, however long nobody speaks', () => {
    const { port, written } = ports()
    const recorder = new TurnRecorder(port, () => undefined)
    for (let i = 0; i < 600; i++) recorder.noteUserAudio(SECOND)
    recorder.handle({ type: 'input_audio_buffer.committed', item_id: 'item_1' })
    expect((written[0]?.bytes ?? 0) / 48_000).toBe(60)
  })
})

describe('barge-in', () => {
  it('cuts the answer the page was playing, even when a later one has started to arrive', () => {
    const { port } = ports()
    ;(port.repo as unknown as { markInterrupted: () => void }).markInterrupted = () => undefined
    const sent: Record<string, unknown>[] = []
    const recorder = new TurnRecorder(port, (event) => sent.push(event))
    const second = Buffer.alloc(48_000).toString('base64')
    recorder.handle({ type: 'response.created', response: { id: 'resp_1' } })
    recorder.handle({ type: 'response.output_audio.delta', item_id: 'item_a', delta: second })
    recorder.handle({ type: 'response.output_audio.delta', item_id: 'item_b', delta: second })
    recorder.interrupt(400, 'item_a')
    expect(sent).toContainEqual({ type: 'response.cancel' })
    expect(sent).toContainEqual({
      type: 'conversation.item.truncate',
      item_id: 'item_a',
      content_index: 0,
      audio_end_ms: 400
    })
  })
})

describe('what a reconnect gives back', () => {
  it('leaves out an answer the user cut, whose text runs past what they heard', () => {
    const { port } = ports()
    const recorder = new TurnRecorder(port, () => undefined)
    recorder.handle({ type: 'response.created', response: { id: 'resp_1' } })
    recorder.handle({
      type: 'response.output_audio_transcript.delta',
      item_id: 'item_a',
      delta: 'Once upon a time'
    })
    recorder.handle({ type: 'response.done', response: { id: 'resp_1', status: 'cancelled', output: [] } })
    recorder.handle({ type: 'response.created', response: { id: 'resp_2' } })
    recorder.handle({ type: 'response.output_audio_transcript.delta', item_id: 'item_b', delta: 'Sure.' })
    recorder.handle({ type: 'response.done', response: { id: 'resp_2', status: 'completed', output: [] } })
    expect(recorder.history.map((h) => h.text)).toEqual(['Sure.'])
  })
})
