import type WebSocket from 'ws'
import { spokenAnswerEvents, toolCallEvents, type RealtimeScript } from './answers'
import { nextId, responseDone, rms, sessionCreated, sessionUpdated } from './events'

export type { RealtimeScript } from './answers'

type Json = Record<string, unknown>

export type RealtimeFault =
  | { kind: 'error_event' }
  | { kind: 'bad_json' }
  /** Drops the socket after this many events of the next answer. */
  | { kind: 'cut_mid_response'; afterEvents: number }

export interface ConnectionLog {
  url: string
  headers: Record<string, string>
  /** Every client event, audio appends included (their audio replaced by its byte count). */
  received: Json[]
  functionOutputs: { callId: string; output: string }[]
}

const SPEECH_RMS = 500

/** One client's Realtime session on the fake: GA events out, a simple energy VAD over the audio in. */
export class FakeConnection {
  private session: Json
  private bufferMs = 0
  private speaking: { startMs: number; itemId: string } | null = null
  private silentSinceMs: number | null = null
  private answeredTool = false
  private lastItem: string | null = null
  private active: { responseId: string; cancelled: boolean } | null = null

  constructor(
    private readonly ws: WebSocket,
    readonly log: ConnectionLog,
    model: string,
    private readonly script: () => RealtimeScript,
    private readonly takeFault: () => RealtimeFault | undefined
  ) {
    const created = sessionCreated(model)
    this.session = created.session as Json
    this.send(created)
    ws.on('message', (data) => this.receive(JSON.parse(String(data)) as Json))
  }

  private send(event: Json): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(event))
  }

  private receive(event: Json): void {
    const logged =
      event.type === 'input_audio_buffer.append' ? { type: event.type, bytes: audioOf(event).length } : event
    this.log.received.push(logged)
    if (event.type === 'session.update') this.updateSession(event.session as Json)
    if (event.type === 'input_audio_buffer.append') this.hear(audioOf(event))
    if (event.type === 'input_audio_buffer.commit') this.commit(nextId('item'))
    if (event.type === 'conversation.item.create') this.addItem(event.item as Json)
    if (event.type === 'response.create') void this.answer()
    if (event.type === 'response.cancel') this.cancel()
    if (event.type === 'conversation.item.truncate')
      this.send({
        type: 'conversation.item.truncated',
        event_id: nextId('event'),
        item_id: event.item_id,
        content_index: 0,
        audio_end_ms: event.audio_end_ms
      })
  }

  private updateSession(asked: Json): void {
    const updated = sessionUpdated(this.session, asked)
    this.session = updated.session as Json
    this.send(updated)
  }

  private get turnDetection(): Json | null {
    return (((this.session.audio as Json).input as Json).turn_detection as Json | null) ?? null
  }

  /** Energy VAD: speech starts above a level, stops after the session's silence duration. */
  private hear(pcm: Buffer): void {
    const startMs = this.bufferMs
    this.bufferMs += pcm.length / 48
    const vad = this.turnDetection
    if (!vad) return
    if (rms(pcm) > SPEECH_RMS) {
      this.silentSinceMs = null
      if (!this.speaking) {
        this.speaking = { startMs, itemId: nextId('item') }
        this.send({
          type: 'input_audio_buffer.speech_started',
          event_id: nextId('event'),
          audio_start_ms: Math.round(startMs),
          item_id: this.speaking.itemId
        })
      }
      return
    }
    if (!this.speaking) return
    this.silentSinceMs ??= startMs
    const silenceMs = typeof vad.silence_duration_ms === 'number' ? vad.silence_duration_ms : 500
    if (this.bufferMs - this.silentSinceMs < silenceMs) return
    const { itemId } = this.speaking
    this.speaking = null
    this.send({
      type: 'input_audio_buffer.speech_stopped',
      event_id: nextId('event'),
      audio_end_ms: Math.round(this.silentSinceMs),
      item_id: itemId
    })
    this.commit(itemId)
    if (vad.create_response !== false) void this.answer()
  }

  private commit(itemId: string): void {
    this.send({
      type: 'input_audio_buffer.committed',
      event_id: nextId('event'),
      previous_item_id: this.lastItem,
      item_id: itemId
    })
    const item = {
      id: itemId,
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null }]
    }
    this.send({
      type: 'conversation.item.added',
      event_id: nextId('event'),
      previous_item_id: this.lastItem,
      item
    })
    this.lastItem = itemId
    this.answeredTool = false
    const transcription = ((this.session.audio as Json).input as Json).transcription
    if (!transcription) return
    const text = this.script().userTranscript
    this.send({
      type: 'conversation.item.input_audio_transcription.delta',
      event_id: nextId('event'),
      item_id: itemId,
      content_index: 0,
      delta: text
    })
    this.send({
      type: 'conversation.item.input_audio_transcription.completed',
      event_id: nextId('event'),
      item_id: itemId,
      content_index: 0,
      transcript: text,
      usage: { type: 'tokens', total_tokens: 20, input_tokens: 16, output_tokens: 4 }
    })
  }

  private addItem(item: Json): void {
    if (item.type === 'function_call_output')
      this.log.functionOutputs.push({ callId: String(item.call_id), output: String(item.output) })
    const id = typeof item.id === 'string' ? item.id : nextId('item')
    this.send({
      type: 'conversation.item.added',
      event_id: nextId('event'),
      previous_item_id: this.lastItem,
      item: { ...item, id }
    })
    this.lastItem = id
  }

  private async answer(): Promise<void> {
    const fault = this.takeFault()
    if (fault?.kind === 'error_event') {
      this.send({
        type: 'error',
        event_id: nextId('event'),
        error: {
          type: 'invalid_request_error',
          code: 'fake_error',
          message: 'The fake refused this response.',
          param: null,
          event_id: null
        }
      })
      return
    }
    if (fault?.kind === 'bad_json') this.ws.send('{"type": "response.created", oops')
    const script = this.script()
    const tools = Array.isArray(this.session.tools) ? (this.session.tools as Json[]) : []
    const useTool =
      script.toolCall && !this.answeredTool && tools.some((t) => t.name === script.toolCall?.name)
    if (useTool) this.answeredTool = true
    const events =
      useTool && script.toolCall ? toolCallEvents(script.toolCall) : spokenAnswerEvents(script, this.lastItem)
    const cutAfter = fault?.kind === 'cut_mid_response' ? fault.afterEvents : Infinity
    const responseId = String((events[0]?.response as Json).id)
    const active = { responseId, cancelled: false }
    this.active = active
    for (const [i, event] of events.entries()) {
      if (i >= cutAfter) return void this.ws.terminate()
      if (active.cancelled) break
      this.send(event)
      if (script.paceMs > 0) await new Promise((resolve) => setTimeout(resolve, script.paceMs))
    }
    if (active.cancelled) this.send(responseDone(responseId, 'cancelled', []))
    if (this.active === active) this.active = null
  }

  /** response.cancel: an answer on its way stops (response.done "cancelled"); otherwise the API's error. */
  private cancel(): void {
    if (this.active && !this.active.cancelled) {
      this.active.cancelled = true
      return
    }
    const message = 'Cancellation failed: no active response found'
    this.send({
      type: 'error',
      event_id: nextId('event'),
      error: {
        type: 'invalid_request_error',
        code: 'response_cancel_not_active',
        message,
        param: null,
        event_id: null
      }
    })
  }
}

function audioOf(event: Json): Buffer {
  return Buffer.from(typeof event.audio === 'string' ? event.audio : '', 'base64')
}
