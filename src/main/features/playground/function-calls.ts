import type { MessagePart, TurnSettings } from '@shared/domain/playground'
import { schemaFromJson } from '../../ai/structured'
import { isLocalFunction, runLocalFunction, type LocalSources } from './local-functions'
import { functionsOf } from './tool-specs'

export interface ModelCall {
  callId: string
  name: string
  arguments: string
}

export interface Answered {
  /** tool_call cards (and tool_result parts for the calls Framewise answered), in order. */
  parts: MessagePart[]
  /** Outputs to send back to the model. */
  outputs: { callId: string; name: string; output: string }[]
  /** Calls left for the user to answer (their own functions, or arguments that did not fit). */
  waiting: number
}

/**
 * Checks every call's arguments against its function's schema; a call that does not fit is shown
 * as invalid and never executed. Framewise answers its own functions when allowed; the rest wait.
 */
export function answerCalls(
  calls: readonly ModelCall[],
  settings: TurnSettings,
  sources: LocalSources
): Answered {
  const out: Answered = { parts: [], outputs: [], waiting: 0 }
  const functions = functionsOf(settings)
  for (const call of calls) {
    const card = {
      type: 'tool_call' as const,
      kind: 'function',
      callId: call.callId,
      name: call.name,
      arguments: call.arguments
    }
    const fn = functions.find((f) => f.name === call.name)
    const problem = fn
      ? argumentProblem(call.arguments, fn.parameters, fn.name)
      : `There is no function “${call.name}”.`
    const local = settings.localTools && isLocalFunction(call.name)
    if (problem) {
      out.parts.push({ ...card, status: 'invalid', problem })
      // Framewise's own functions tell the model what was wrong, so it can call again.
      if (local) answer(out, call, JSON.stringify({ error: `Invalid arguments: ${problem}` }))
      else out.waiting += 1
      continue
    }
    if (!local) {
      out.parts.push({ ...card, status: 'pending' })
      out.waiting += 1
      continue
    }
    out.parts.push({ ...card, status: 'answered' })
    answer(out, call, runSafely(sources, call))
  }
  return out
}

function answer(out: Answered, call: ModelCall, output: string): void {
  out.parts.push({ type: 'tool_result', callId: call.callId, name: call.name, output })
  out.outputs.push({ callId: call.callId, name: call.name, output })
}

function runSafely(sources: LocalSources, call: ModelCall): string {
  try {
    return runLocalFunction(sources, call.name, JSON.parse(call.arguments) as Record<string, unknown>)
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? error.message : String(error) })
  }
}

export function argumentProblem(
  text: string,
  parameters: Record<string, unknown>,
  name: string
): string | null {
  let value: unknown
  try {
    value = JSON.parse(text || '{}')
  } catch {
    return 'The arguments are not valid JSON.'
  }
  const checked = schemaFromJson(name, parameters, false).validate(value)
  return checked.ok ? null : `The arguments do not match the schema (${checked.message}).`
}

/** Arguments as parsed JSON when they are JSON (what `ask --json` lists), else the raw text. */
export function parsedArguments(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
