import { sample, sampleEvents } from './samples'
import { chunkText, type SseFrame } from './sse'
import { replyText } from './chat'
import type { Reply } from './types'

type Json = Record<string, unknown>
interface ResponsesBody {
  tools?: { type?: string }[]
  input?: unknown
  reasoning?: unknown
  previous_response_id?: string
  model?: string
}

const hasTool = (body: ResponsesBody, type: string): boolean =>
  (body.tools ?? []).some((t) => t.type === type)
const isFollowUp = (body: ResponsesBody): boolean =>
  Array.isArray(body.input) && body.input.some((item) => (item as Json).type === 'function_call_output')

function templateName(body: ResponsesBody, reply?: Reply): string {
  if (reply?.toolCalls) return 'responses-function-call.json'
  if (isFollowUp(body)) return 'extra/responses-function-call-output-followup.json'
  if (!reply && hasTool(body, 'function')) return 'responses-function-call.json'
  if (!reply && hasTool(body, 'web_search')) return 'responses-web-search-url-citation.json'
  if (!reply && hasTool(body, 'code_interpreter')) return 'responses-code-interpreter-call.json'
  if (!reply && hasTool(body, 'file_search')) return 'responses-file-search-call.json'
  if (body.reasoning) return 'responses-reasoning-summary.json'
  return 'responses-message.json'
}

let counter = 0

/** A genuine response object; a scripted reply replaces the assistant message (or function calls). */
export function responseObject(body: ResponsesBody, reply?: Reply): Json {
  const out = sample(templateName(body, reply))
  counter += 1
  out.id = `resp_fake_${counter}`
  out.previous_response_id = body.previous_response_id ?? null
  if (reply) out.output = scriptedOutput(out.output as Json[], reply)
  applyResponsesUsage(out.usage as Json, reply)
  return out
}

function scriptedOutput(output: Json[], reply: Reply): Json[] {
  if (reply.toolCalls) {
    const call = output.find((item) => item.type === 'function_call') as Json
    return reply.toolCalls.map((c, i) => ({
      ...call,
      id: `fc_fake_${i}`,
      call_id: `call_fake_${i}`,
      name: c.name,
      arguments: c.arguments
    }))
  }
  const kept = output.filter((item) => item.type === 'reasoning')
  const content = reply.refusal
    ? [{ type: 'refusal', refusal: reply.refusal }]
    : [{ type: 'output_text', annotations: [], logprobs: [], text: replyText(reply) ?? '' }]
  return [
    ...kept,
    { id: `msg_fake_${counter}`, type: 'message', status: 'completed', role: 'assistant', content }
  ]
}

export function applyResponsesUsage(usage: Json | undefined, reply?: Reply): void {
  if (!usage || !reply?.usage) return
  const u = reply.usage
  if (u.input !== undefined) usage.input_tokens = u.input
  if (u.output !== undefined) usage.output_tokens = u.output
  usage.total_tokens = Number(usage.input_tokens) + Number(usage.output_tokens)
  if (u.cached !== undefined)
    usage.input_tokens_details = { ...(usage.input_tokens_details as Json), cached_tokens: u.cached }
  if (u.reasoning !== undefined)
    usage.output_tokens_details = { ...(usage.output_tokens_details as Json), reasoning_tokens: u.reasoning }
}

/**
 * Answers that were only recorded whole (function calls scripted or followed up, code interpreter,
 * file search, reasoning summaries) stream as the API streams them: created, text deltas, completed.
 */
function streamsWhole(body: ResponsesBody, reply?: Reply): boolean {
  if (reply?.toolCalls || reply?.refusal) return true
  if (reply) return false
  const summary = (body.reasoning as { summary?: string } | undefined)?.summary
  return (
    isFollowUp(body) || hasTool(body, 'code_interpreter') || hasTool(body, 'file_search') || Boolean(summary)
  )
}

function wholeResponseEvents(response: Json): Json[] {
  const output = (response.output as Json[]) ?? []
  const started = { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } }
  const deltas = output.flatMap((item, outputIndex) =>
    item.type !== 'message'
      ? []
      : ((item.content as Json[]) ?? []).flatMap((part, contentIndex) =>
          part.type !== 'output_text'
            ? []
            : chunkText(String(part.text)).map((delta) => ({
                type: 'response.output_text.delta',
                item_id: item.id,
                output_index: outputIndex,
                content_index: contentIndex,
                delta,
                logprobs: []
              }))
        )
  )
  return [started, ...deltas, { type: 'response.completed', response }]
}

/** The recorded event sequence, or the plain-text one re-voiced with the scripted reply. */
export function responseStreamFrames(body: ResponsesBody, reply?: Reply): SseFrame[] {
  if (streamsWhole(body, reply))
    return wholeResponseEvents(responseObject(body, reply)).map((e, index) => ({
      event: String(e.type),
      data: JSON.stringify({ ...e, sequence_number: index })
    }))
  const name =
    !reply && hasTool(body, 'function')
      ? 'responses-stream-function-call.events.json'
      : !reply && hasTool(body, 'web_search')
        ? 'responses-stream-web-search.events.json'
        : 'extra/responses-stream-text-raw.events.json'
  let events = sampleEvents(name) as Json[]
  if (reply) events = scriptedEvents(events, replyText(reply) ?? '', reply)
  return events.map((e, index) => ({
    event: String(e.type),
    data: JSON.stringify({ ...e, sequence_number: index })
  }))
}

function scriptedEvents(recorded: Json[], text: string, reply: Reply): Json[] {
  const byType = (type: string): Json => structuredClone(recorded.find((e) => e.type === type) as Json)
  const deltaTemplate = byType('response.output_text.delta')
  const deltas = chunkText(text).map((piece) => ({ ...deltaTemplate, delta: piece }))
  const textDone = { ...byType('response.output_text.done'), text }
  const partDone = byType('response.content_part.done')
  ;(partDone.part as Json).text = text
  const itemDone = byType('response.output_item.done')
  ;((itemDone.item as Json).content as Json[])[0] = {
    ...(((itemDone.item as Json).content as Json[])[0] as Json),
    text
  }
  const completed = byType('response.completed')
  const response = completed.response as Json
  response.output = [itemDone.item]
  applyResponsesUsage(response.usage as Json, reply)
  const head = [
    'response.created',
    'response.in_progress',
    'response.output_item.added',
    'response.content_part.added'
  ].map(byType)
  return [...head, ...deltas, textDone, partDone, itemDone, completed]
}
