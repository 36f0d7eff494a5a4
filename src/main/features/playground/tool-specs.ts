import type OpenAI from 'openai'
import type { Provider } from '@shared/domain/provider'
import type { BuiltinTool, FunctionDef, ToolChoice, TurnSettings } from '@shared/domain/playground'
import { AppError } from '@shared/errors'
import { refuseNonStrictSchema } from '../../ai/schema-lint'
import { LOCAL_FUNCTIONS } from './local-functions'

const TOOL_WORDS: Record<BuiltinTool, string> = {
  web_search: 'web search',
  code_interpreter: 'the code interpreter',
  image_generation: 'image generation',
  file_search: 'file search'
}

/** The user's functions, plus Framewise's own when it may answer calls itself. */
export function functionsOf(settings: TurnSettings): FunctionDef[] {
  const own = settings.localTools ? LOCAL_FUNCTIONS : []
  const names = new Set(settings.functions.map((f) => f.name))
  return [...settings.functions, ...own.filter((f) => !names.has(f.name))]
}

/**
 * Refuses, before anything is sent, what this provider or API cannot do, in words a user knows
 * (not a raw 400), and function schemas strict mode would reject.
 */
export function checkTurn(settings: TurnSettings, provider: Provider): void {
  const caps = provider.capabilities
  const name = provider.name
  if (settings.api === 'responses' && !caps.responses)
    unsupported(
      `${name} does not offer the Responses API. Switch the API to Chat Completions or pick another provider.`
    )
  for (const tool of settings.tools) {
    if (settings.api !== 'responses')
      throw new AppError(
        'VALIDATION_FAILED',
        `${cap(TOOL_WORDS[tool])} is a built-in tool of the Responses API; switch the API to Responses to use it.`
      )
    if (!caps.builtinTools)
      unsupported(
        `${name} does not offer OpenAI’s hosted tools, so ${TOOL_WORDS[tool]} cannot run there. Turn it off, or pick a provider with “Built-in tools” in Settings → Providers.`
      )
  }
  // The API refuses web search at minimal effort: said here, before anything is paid for.
  if (settings.tools.includes('web_search') && settings.reasoningEffort === 'minimal')
    throw new AppError(
      'VALIDATION_FAILED',
      'Web search does not run at “minimal” reasoning effort; choose low or higher, or turn web search off.'
    )
  if (settings.tools.includes('file_search') && settings.vectorStoreIds.length === 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'File search needs a vector store: create one in the Vector stores panel and choose it.'
    )
  const functions = functionsOf(settings)
  if (functions.length > 0 && !caps.functionTools)
    unsupported(
      `${name} cannot call functions (function calling is off for it). Remove the functions or pick another provider.`
    )
  if (settings.schema && settings.api === 'responses' && !caps.structuredOutputs)
    unsupported(
      `${name} does not support structured outputs with a JSON schema. Remove the schema or use Chat Completions (JSON mode).`
    )
  for (const fn of functions) checkFunction(fn)
  const choice = settings.toolChoice
  if (typeof choice === 'object' && !functions.some((f) => f.name === choice.name))
    throw new AppError(
      'VALIDATION_FAILED',
      `tool_choice names “${choice.name}”, which is not one of the functions.`
    )
}

function checkFunction(fn: FunctionDef): void {
  if (fn.strict)
    refuseNonStrictSchema(fn.parameters, `The parameters of “${fn.name}” do not meet strict rules`)
}

function unsupported(message: string): never {
  throw new AppError('PROVIDER_UNSUPPORTED', message)
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** While streaming, the image tool sends two partial images, shown as it draws. */
const PARTIAL_IMAGES = 2

export function responsesTools(settings: TurnSettings, stream = false): OpenAI.Responses.Tool[] {
  const builtin = settings.tools.map((tool): OpenAI.Responses.Tool => {
    if (tool === 'code_interpreter') return { type: 'code_interpreter', container: { type: 'auto' } }
    if (tool === 'file_search') return { type: 'file_search', vector_store_ids: settings.vectorStoreIds }
    if (tool === 'image_generation')
      return stream
        ? { type: 'image_generation', partial_images: PARTIAL_IMAGES }
        : { type: 'image_generation' }
    return { type: 'web_search' }
  })
  const functions = functionsOf(settings).map((fn): OpenAI.Responses.FunctionTool => ({
    type: 'function',
    name: fn.name,
    description: fn.description || null,
    parameters: fn.parameters,
    strict: fn.strict
  }))
  return [...builtin, ...functions]
}

export function chatTools(settings: TurnSettings): OpenAI.Chat.ChatCompletionFunctionTool[] {
  return functionsOf(settings).map((fn) => ({
    type: 'function',
    function: {
      name: fn.name,
      description: fn.description || undefined,
      parameters: fn.parameters,
      strict: fn.strict
    }
  }))
}

/** After the first round a forced choice goes back to auto, or the model would call forever. */
export function choiceForRound(choice: ToolChoice, round: number): ToolChoice {
  return round > 0 && choice !== 'none' ? 'auto' : choice
}

export function responsesChoice(choice: ToolChoice): OpenAI.Responses.ResponseCreateParams['tool_choice'] {
  return typeof choice === 'object' ? { type: 'function', name: choice.name } : choice
}

export function chatChoice(choice: ToolChoice): OpenAI.Chat.ChatCompletionToolChoiceOption {
  return typeof choice === 'object' ? { type: 'function', function: { name: choice.name } } : choice
}

/** Output the Responses API leaves out unless asked: code logs and the sources a search read. */
export function includesFor(settings: TurnSettings): OpenAI.Responses.ResponseIncludable[] {
  const out: OpenAI.Responses.ResponseIncludable[] = []
  if (settings.tools.includes('code_interpreter')) out.push('code_interpreter_call.outputs')
  if (settings.tools.includes('web_search')) out.push('web_search_call.action.sources')
  if (settings.tools.includes('file_search')) out.push('file_search_call.results')
  // Unstored responses keep no reasoning items: resent in the next round they must carry their
  // encrypted content, or the API answers 404 for the rs_… id.
  if (settings.store === false) out.push('reasoning.encrypted_content')
  return out
}
