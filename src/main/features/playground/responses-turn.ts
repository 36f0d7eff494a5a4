import type OpenAI from 'openai'
import type { TurnSettings } from '@shared/domain/playground'
import type { ResponsesRequest, ResponsesResult } from '../../ai/calls/responses'
import type { CallResult } from '../../ai/executor'
import { schemaFromJson } from '../../ai/structured'
import { previewDataUrl } from '../../media/image/image-edit-prep'
import { answerCalls } from './function-calls'
import { readOutput } from './response-parts'
import { callOrRefuse } from './refusal'
import { choiceForRound, includesFor, responsesChoice, responsesTools } from './tool-specs'
import { MAX_ROUNDS, type TurnDeps, type TurnState } from './turn-state'

type InputItem = OpenAI.Responses.ResponseInputItem

export interface ResponsesPlan {
  settings: TurnSettings
  model: string
  /** The new turn only when `previousResponseId` is set; the whole conversation otherwise. */
  input: InputItem[]
  previousResponseId: string | null
  /** The user's words, kept with generated images as their prompt. */
  prompt: string
  dropOldest: boolean
  stream: boolean
}

/** A turn on the Responses API: continues by previous_response_id, answering calls up to MAX_ROUNDS. */
export async function runResponsesTurn(deps: TurnDeps, plan: ResponsesPlan, state: TurnState): Promise<void> {
  let input = plan.input
  let previous = plan.previousResponseId
  // Without stored responses nothing can be chained: each round resends everything so far.
  const chain = plan.settings.store !== false
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const request = requestFor(plan, input, previous, round, state)
    state.request = {
      ...(await deps.ai.responsesBody(request, plan.settings.providerId)),
      ...(plan.stream ? { stream: true } : {})
    }
    const result = await callOrRefuse(state, () =>
      deps.ai.respond(request, state.context(plan.settings.providerId))
    )
    if (!result) return
    state.add(result)
    state.responseId = result.value.responseId
    await keepOutput(deps, plan, state, result)
    // Cut at the output limit (or a filter): kept and shown as partial, not continued.
    if (result.value.status === 'incomplete') {
      state.incomplete = true
      return
    }
    const calls = result.value.functionCalls
    if (calls.length === 0) return
    const answered = answerCalls(calls, plan.settings, deps.sources)
    state.parts.push(...answered.parts)
    if (answered.waiting > 0) {
      state.waiting = answered.waiting
      return
    }
    const outputs: InputItem[] = answered.outputs.map((o) => ({
      type: 'function_call_output',
      call_id: o.callId,
      output: o.output
    }))
    input = chain ? outputs : [...input, ...(result.value.output as InputItem[]), ...outputs]
    previous = chain ? result.value.responseId : null
    state.emit({ type: 'activity', activity: `round ${round + 2}` })
  }
  state.roundsExhausted = true
}

async function keepOutput(
  deps: TurnDeps,
  plan: ResponsesPlan,
  state: TurnState,
  result: CallResult<ResponsesResult>
): Promise<void> {
  const read = readOutput(result.value.output)
  const images = await deps.outputs.storeImages(result.value.imageCalls, {
    prompt: plan.prompt,
    model: result.model,
    providerId: result.providerId,
    responseId: result.value.responseId,
    requestId: result.requestId
  })
  const files = await deps.outputs.downloadFiles(read.containerFiles, result.providerId, state.signal)
  state.endRound([...read.parts, ...images, ...files])
  if (result.value.parsed !== undefined) {
    state.parsed = result.value.parsed
    state.parts.push({ type: 'parsed', value: result.value.parsed })
  }
}

function requestFor(
  plan: ResponsesPlan,
  input: InputItem[],
  previous: string | null,
  round: number,
  state: TurnState
): ResponsesRequest {
  const s = plan.settings
  const tools = responsesTools(s, plan.stream)
  const effort = s.reasoningEffort
  return {
    model: plan.model,
    input,
    instructions: s.instructions || undefined,
    previousResponseId: previous ?? undefined,
    store: s.store,
    tools: tools.length > 0 ? tools : undefined,
    toolChoice: responsesChoice(choiceForRound(s.toolChoice, round)),
    parallelToolCalls: tools.length > 0 ? s.parallelToolCalls : undefined,
    reasoning: effort || s.reasoningSummary ? { effort, summary: s.reasoningSummary } : undefined,
    textFormat: s.schema ? schemaFromJson(s.schema.name, s.schema.schema) : undefined,
    maxOutputTokens: s.maxOutputTokens,
    temperature: s.temperature,
    topP: s.topP,
    verbosity: s.verbosity,
    include: includesFor(s),
    truncation: plan.dropOldest ? 'auto' : undefined,
    stream: plan.stream,
    onDelta: state.onDelta,
    onEvent: (type) => {
      if (
        /^response\.(web_search_call|code_interpreter_call|file_search_call|image_generation_call)\.(searching|interpreting|generating|in_progress)$/.test(
          type
        )
      )
        state.emit({ type: 'activity', activity: type.replace(/^response\./, '') })
    },
    onPartialImage: (p) => void emitPartial(state, p.b64)
  }
}

/** A small preview of a partial image; one that does not decode is skipped (the final one counts). */
async function emitPartial(state: TurnState, b64: string): Promise<void> {
  try {
    state.emit({ type: 'partial_image', dataUrl: await previewDataUrl(Buffer.from(b64, 'base64')) })
  } catch {
    // Nothing to show for this one.
  }
}
