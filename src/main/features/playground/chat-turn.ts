import type { TurnSettings } from '@shared/domain/playground'
import type { ChatMessage, ChatRequest } from '../../ai/calls/chat'
import { schemaFromJson } from '../../ai/structured'
import { answerCalls } from './function-calls'
import { callOrRefuse } from './refusal'
import { chatChoice, chatTools, choiceForRound } from './tool-specs'
import { MAX_ROUNDS, type TurnDeps, type TurnState } from './turn-state'

export interface ChatPlan {
  settings: TurnSettings
  model: string
  /** The whole conversation (chat completions keeps no state between requests). */
  messages: ChatMessage[]
  dropOldest: boolean
  stream: boolean
}

/** A turn on Chat Completions: the full history each time, answering calls up to MAX_ROUNDS. */
export async function runChatTurn(deps: TurnDeps, plan: ChatPlan, state: TurnState): Promise<void> {
  let messages = plan.messages
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const request = requestFor(plan, messages, round, state)
    state.request = {
      ...(await deps.ai.chatBody(request, plan.settings.providerId)),
      ...(plan.stream ? { stream: true } : {})
    }
    const result = await callOrRefuse(state, () =>
      deps.ai.chat(request, state.context(plan.settings.providerId))
    )
    if (!result) return
    state.add(result)
    const text = result.value.text
    state.endRound(text ? [{ type: 'text', text }] : [])
    if (result.value.parsed !== undefined) {
      state.parsed = result.value.parsed
      state.parts.push({ type: 'parsed', value: result.value.parsed })
    }
    const calls = result.value.toolCalls.map((c) => ({ callId: c.id, name: c.name, arguments: c.arguments }))
    if (calls.length === 0) return
    const answered = answerCalls(calls, plan.settings, deps.sources)
    state.parts.push(...answered.parts)
    if (answered.waiting > 0) {
      state.waiting = answered.waiting
      return
    }
    messages = [
      ...messages,
      {
        role: 'assistant',
        content: text,
        tool_calls: calls.map((c) => ({
          id: c.callId,
          type: 'function' as const,
          function: { name: c.name, arguments: c.arguments }
        }))
      },
      ...answered.outputs.map((o): ChatMessage => ({
        role: 'tool',
        tool_call_id: o.callId,
        content: o.output
      }))
    ]
    state.emit({ type: 'activity', activity: `round ${round + 2}` })
  }
  state.roundsExhausted = true
}

function requestFor(plan: ChatPlan, messages: ChatMessage[], round: number, state: TurnState): ChatRequest {
  const s = plan.settings
  const tools = chatTools(s)
  return {
    model: plan.model,
    messages,
    tools: tools.length > 0 ? tools : undefined,
    toolChoice: tools.length > 0 ? chatChoice(choiceForRound(s.toolChoice, round)) : undefined,
    parallelToolCalls: tools.length > 0 ? s.parallelToolCalls : undefined,
    responseFormat: s.schema ? schemaFromJson(s.schema.name, s.schema.schema) : undefined,
    reasoningEffort: s.reasoningEffort,
    seed: s.seed,
    stop: s.stop.length > 0 ? s.stop : undefined,
    temperature: s.temperature,
    topP: s.topP,
    maxCompletionTokens: s.maxOutputTokens,
    verbosity: s.verbosity,
    stream: plan.stream,
    onDelta: state.onDelta,
    onContextTooLong: plan.dropOldest ? 'trim-oldest' : 'fail'
  }
}
