import type OpenAI from 'openai'
import { AppError } from '@shared/errors'
import { PRESETS } from '../presets'
import type { RunArgs } from '../executor'
import { DEFAULT_INACTIVITY_MS, LOCAL_INACTIVITY_MS, watchStream } from '../stream-watchdog'
import type { ChatBody } from '../model-traits'
import type { ChatRequest, ChatResult, ToolCall } from './chat'
import { refused } from './refusal'

export function inactivityFor(args: RunArgs): number {
  if (args.inactivityMs) return args.inactivityMs
  return args.resolved.provider.local || PRESETS[args.resolved.row.kind].local
    ? LOCAL_INACTIVITY_MS
    : DEFAULT_INACTIVITY_MS
}

/** Reads a chat stream into one result (text, tool calls, usage), watching for stalls. */
export async function readChatStream(
  args: RunArgs,
  params: ChatBody,
  request: ChatRequest
): Promise<{ result: ChatResult; usage: OpenAI.CompletionUsage | null; requestId: string | null }> {
  const { data: stream, request_id } = await args.client.chat.completions
    .create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: args.signal })
    .withResponse()
  let text = ''
  let refusal = ''
  let finishReason: string | null = null
  let usage: OpenAI.CompletionUsage | null = null
  const calls = new Map<number, ToolCall>()
  let first = true
  for await (const chunk of watchStream(stream, inactivityFor(args), args.abort)) {
    if (chunk.usage) usage = chunk.usage
    const choice = chunk.choices[0]
    if (!choice) continue
    const delta = choice.delta
    if (delta.content) {
      text += delta.content
      request.onDelta?.({ text: delta.content, restart: first && args.attempt > 1 })
      first = false
    }
    if (delta.refusal) refusal += delta.refusal
    for (const call of delta.tool_calls ?? []) {
      const current = calls.get(call.index) ?? { id: '', name: '', arguments: '' }
      calls.set(call.index, {
        id: call.id ?? current.id,
        name: call.function?.name ?? current.name,
        arguments: current.arguments + (call.function?.arguments ?? '')
      })
    }
    if (choice.finish_reason) finishReason = choice.finish_reason
  }
  if (refusal) throw refused(refusal)
  if (finishReason === null) {
    throw new AppError(
      'AI_STREAM_INTERRUPTED',
      'The answer stream ended before the model finished; it is retried automatically.'
    )
  }
  const toolCalls = [...calls.values()]
  return {
    result: { text: text || null, toolCalls, finishReason, choices: [text || null] },
    usage,
    requestId: request_id ?? null
  }
}
