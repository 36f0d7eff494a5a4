import type OpenAI from 'openai'
import type { Capability } from '@shared/domain/provider'
import { AppError } from '@shared/errors'
import { shrinkMessages, type ContextStrategy } from '../context-strategy'
import type { AiExecutor, CallContext, CallResult, RunArgs } from '../executor'
import { sanitizeChatParams, type ChatBody } from '../model-traits'
import { assertStrictSchema, parseStructured, type StructuredSchema } from '../structured'
import { fromChatUsage } from '../usage-parse'
import { readChatStream } from './chat-stream'
import { refused } from './refusal'

export type ChatMessage = OpenAI.Chat.ChatCompletionMessageParam

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  tools?: OpenAI.Chat.ChatCompletionFunctionTool[]
  toolChoice?: OpenAI.Chat.ChatCompletionToolChoiceOption
  parallelToolCalls?: boolean
  responseFormat?: 'text' | 'json_object' | StructuredSchema
  reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high'
  seed?: number
  logprobs?: boolean
  topLogprobs?: number
  stop?: string[]
  n?: number
  temperature?: number
  topP?: number
  maxTokens?: number
  /** The output limit under its current name (max_tokens is deprecated on chat). */
  maxCompletionTokens?: number
  verbosity?: 'low' | 'medium' | 'high'
  stream?: boolean
  onDelta?: (delta: { text: string; restart: boolean }) => void
  onContextTooLong?: ContextStrategy
}

export interface ToolCall {
  id: string
  name: string
  arguments: string
}

export interface ChatResult {
  text: string | null
  parsed?: unknown
  toolCalls: ToolCall[]
  finishReason: string | null
  /** Every choice's text when n > 1. */
  choices: (string | null)[]
}

/** Chat completions through the executor, shrinking the request when the context is too long. */
export async function chat(
  exec: AiExecutor,
  request: ChatRequest,
  ctx: CallContext
): Promise<CallResult<ChatResult>> {
  if (typeof request.responseFormat === 'object') assertStrictSchema(request.responseFormat)
  let current = request
  for (let shrinks = 0; ; shrinks += 1) {
    try {
      return await exec.execute(
        {
          api: 'chat',
          model: current.model,
          needs: needsFor(current),
          run: (args) => runChat(args, current)
        },
        ctx
      )
    } catch (error) {
      const smaller =
        error instanceof AppError && error.code === 'AI_CONTEXT_TOO_LONG' && shrinks < 3
          ? shrinkMessages(current.messages, current.onContextTooLong ?? 'fail')
          : null
      if (!smaller) throw error
      current = { ...current, messages: smaller }
    }
  }
}

function needsFor(request: ChatRequest): Capability[] {
  const needs: Capability[] = ['chat']
  const hasImage = request.messages.some(
    (m) => Array.isArray(m.content) && m.content.some((p) => typeof p === 'object' && p.type === 'image_url')
  )
  if (hasImage) needs.push('vision')
  if (request.tools?.length) needs.push('functionTools')
  return needs
}

/** The wire parameters: only what this model and provider accept. */
export function chatParams(request: ChatRequest, args: Pick<RunArgs, 'resolved' | 'model'>): ChatBody {
  const caps = args.resolved.provider.capabilities
  const format = request.responseFormat
  const structured = typeof format === 'object'
  const messages =
    structured && !caps.structuredOutputs
      ? withSchemaInstructions(request.messages, format)
      : request.messages
  const params: ChatBody = {
    model: args.model,
    messages,
    tools: request.tools,
    tool_choice: request.tools?.length ? request.toolChoice : undefined,
    parallel_tool_calls: request.tools?.length ? request.parallelToolCalls : undefined,
    response_format: responseFormat(format, caps.structuredOutputs),
    reasoning_effort: request.reasoningEffort,
    seed: request.seed,
    logprobs: request.logprobs,
    top_logprobs: request.logprobs ? request.topLogprobs : undefined,
    stop: request.stop,
    n: request.n,
    temperature: request.temperature,
    top_p: request.topP,
    max_tokens: request.maxTokens,
    max_completion_tokens: request.maxCompletionTokens,
    verbosity: request.verbosity
  }
  return sanitizeChatParams(params, args.model, { reasoningEffort: caps.reasoningEffort })
}

function responseFormat(
  format: ChatRequest['responseFormat'],
  strictSchemas: boolean
): ChatBody['response_format'] {
  if (!format || format === 'text') return undefined
  if (format === 'json_object' || !strictSchemas) return { type: 'json_object' }
  return {
    type: 'json_schema',
    json_schema: { name: format.name, schema: format.schema, strict: format.strict }
  }
}

/** Providers without strict schemas get JSON mode plus the schema in the instructions. */
function withSchemaInstructions(messages: ChatMessage[], schema: StructuredSchema): ChatMessage[] {
  const note = `Reply with one JSON object only, matching this JSON Schema exactly:\n${JSON.stringify(schema.schema)}`
  return [{ role: 'system', content: note }, ...messages]
}

async function runChat(args: RunArgs, request: ChatRequest) {
  const params = chatParams(request, args)
  if (request.stream) {
    const out = await readChatStream(args, params, request)
    return {
      value: finish(out.result, request),
      usage: fromChatUsage(out.usage),
      requestId: out.requestId
    }
  }
  const { data: completion, request_id } = await args.client.chat.completions
    .create(params, { signal: args.signal })
    .withResponse()
  const choice = completion.choices[0]
  const result: ChatResult = {
    text: choice?.message.content ?? null,
    toolCalls: (choice?.message.tool_calls ?? []).flatMap((c) =>
      c.type === 'function' ? [{ id: c.id, name: c.function.name, arguments: c.function.arguments }] : []
    ),
    finishReason: choice?.finish_reason ?? null,
    choices: completion.choices.map((c) => c.message.content ?? null)
  }
  if (choice?.message.refusal) throw refused(choice.message.refusal)
  return {
    value: finish(result, request),
    usage: fromChatUsage(completion.usage),
    requestId: request_id ?? null
  }
}

/** Structured results are parsed and checked; a required tool call that never came is an error. */
function finish(result: ChatResult, request: ChatRequest): ChatResult {
  const choice = request.toolChoice
  const mustCall = choice === 'required' || (typeof choice === 'object' && choice !== null)
  if (mustCall && result.toolCalls.length === 0) {
    throw new AppError(
      'AI_TOOL_NOT_CALLED',
      'The model answered without calling the function. Set tool_choice to "required" or name the function, and describe when to call it.'
    )
  }
  if (typeof request.responseFormat === 'object' && result.toolCalls.length === 0) {
    if (result.finishReason === 'length')
      throw new AppError(
        'AI_BAD_RESPONSE',
        'The answer was cut off at the token limit before the JSON was complete; raise the limit.',
        // Asking again gives the same cut: not retried (each try would be paid for).
        { raw: result.text, retryable: false }
      )
    return { ...result, parsed: parseStructured(result.text, request.responseFormat) }
  }
  return result
}
