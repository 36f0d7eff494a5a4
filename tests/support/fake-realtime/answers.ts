import { nextId, responseDone, tone } from './events'

type Json = Record<string, unknown>

export interface RealtimeScript {
  userTranscript: string
  assistantText: string
  /** Length of the spoken answer. */
  audioMs: number
  /** Audio per `response.output_audio.delta` (the real API sends pieces of varying length). */
  deltaMs: number
  /** When set and the session offers tools, the first answer to each user turn is this call. */
  toolCall: { name: string; arguments: string } | null
  /** Speak the retired beta event names (response.audio.delta…). */
  beta: boolean
  /** Wait between answer events, so a page can hear it stream. */
  paceMs: number
}

/** A function call as the GA protocol streams it: item added, argument deltas, done, response.done. */
export function toolCallEvents(call: { name: string; arguments: string }): Json[] {
  const responseId = nextId('resp')
  const itemId = nextId('item')
  const callId = nextId('call')
  const item = {
    id: itemId,
    type: 'function_call',
    status: 'completed',
    name: call.name,
    call_id: callId,
    arguments: call.arguments
  }
  const base = { response_id: responseId, item_id: itemId, output_index: 0 }
  return [
    {
      type: 'response.created',
      event_id: nextId('event'),
      response: {
        object: 'realtime.response',
        id: responseId,
        status: 'in_progress',
        output: [],
        usage: null
      }
    },
    {
      type: 'response.output_item.added',
      event_id: nextId('event'),
      response_id: responseId,
      output_index: 0,
      item: { ...item, status: 'in_progress', arguments: '' }
    },
    {
      type: 'response.function_call_arguments.delta',
      event_id: nextId('event'),
      ...base,
      call_id: callId,
      delta: call.arguments
    },
    {
      type: 'response.function_call_arguments.done',
      event_id: nextId('event'),
      ...base,
      call_id: callId,
      name: call.name,
      arguments: call.arguments
    },
    {
      type: 'response.output_item.done',
      event_id: nextId('event'),
      response_id: responseId,
      output_index: 0,
      item
    },
    responseDone(responseId, 'completed', [item])
  ]
}

/** A spoken answer: transcript and audio deltas interleaved, as the API sends them, GA or beta names. */
export function spokenAnswerEvents(script: RealtimeScript, previousItemId: string | null): Json[] {
  const n = (ga: string, beta: string): string => (script.beta ? beta : ga)
  const responseId = nextId('resp')
  const itemId = nextId('item')
  const base = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 }
  const words = script.assistantText.split(/(?<= )/)
  const audio = tone(script.audioMs)
  const step = Math.round(script.deltaMs * 48)
  const deltas: Json[] = []
  for (let at = 0, w = 0; at < audio.length || w < words.length; at += step, w += 1) {
    if (w < words.length)
      deltas.push({
        type: n('response.output_audio_transcript.delta', 'response.audio_transcript.delta'),
        event_id: nextId('event'),
        ...base,
        delta: words[w]
      })
    if (at < audio.length)
      deltas.push({
        type: n('response.output_audio.delta', 'response.audio.delta'),
        event_id: nextId('event'),
        ...base,
        delta: audio.subarray(at, at + step).toString('base64')
      })
  }
  const message = {
    id: itemId,
    type: 'message',
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_audio', transcript: script.assistantText }]
  }
  return [
    {
      type: 'response.created',
      event_id: nextId('event'),
      response: {
        object: 'realtime.response',
        id: responseId,
        status: 'in_progress',
        output: [],
        usage: null
      }
    },
    {
      type: 'response.output_item.added',
      event_id: nextId('event'),
      response_id: responseId,
      output_index: 0,
      item: { ...message, status: 'in_progress', content: [] }
    },
    {
      type: n('conversation.item.added', 'conversation.item.created'),
      event_id: nextId('event'),
      previous_item_id: previousItemId,
      item: { ...message, status: 'in_progress', content: [] }
    },
    {
      type: 'response.content_part.added',
      event_id: nextId('event'),
      ...base,
      part: { type: 'audio', transcript: '' }
    },
    ...deltas,
    { type: n('response.output_audio.done', 'response.audio.done'), event_id: nextId('event'), ...base },
    {
      type: n('response.output_audio_transcript.done', 'response.audio_transcript.done'),
      event_id: nextId('event'),
      ...base,
      transcript: script.assistantText
    },
    {
      type: 'response.output_item.done',
      event_id: nextId('event'),
      response_id: responseId,
      output_index: 0,
      item: message
    },
    responseDone(responseId, 'completed', [message])
  ]
}
