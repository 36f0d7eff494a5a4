import type OpenAI from 'openai'
import type { Capability } from '@shared/domain/provider'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult, RunArgs } from '../executor'
import { sanitizeResponsesParams, type ResponsesBody } from '../model-traits'
import { assertStrictSchema, parseStructured, type StructuredSchema } from '../structured'
import { DEFAULT_INACTIVITY_MS, watchStream } from '../stream-watchdog'
import { fromResponsesUsage } from '../usage-parse'
import { isModerationBlock } from '../errors'
import { refused } from './refusal'
import { inactivityFor } from './chat-stream'

type Tool = OpenAI.Responses.Tool
type Response = OpenAI.Responses.Response

export interface ResponsesRequest {
  model: string
  input: string | OpenAI.Responses.ResponseInputItem[]
  instructions?: string
  previousResponseId?: string
  store?: boolean
  tools?: Tool[]
  toolChoice?: OpenAI.Responses.ResponseCreateParams['tool_choice']
  reasoning?: { effort?: 'minimal' | 'low' | 'medium' | 'high'; summary?: 'auto' | 'concise' | 'detailed' }
  textFormat?: StructuredSchema
  maxOutputTokens?: number
  temperature?: number
  topP?: number
  verbosity?: 'low' | 'medium' | 'high'
  parallelToolCalls?: boolean
  /** Extra output the API leaves out by default (code interpreter logs, search sources…). */
  include?: OpenAI.Responses.ResponseIncludable[]
  /** 'auto' lets the API drop the oldest turns when the context is too long. */
  truncation?: 'auto' | 'disabled'
  stream?: boolean
  onDelta?: (delta: { text: string; restart: boolean }) => void
  onEvent?: (type: string) => void
  /** image_generation tool: a partial image (base64) while it draws. */
  onPartialImage?: (partial: { b64: string; index: number }) => void
}

export interface FunctionCall {
  callId: string
  name: string
  arguments: string
}

export interface ResponsesResult {
  responseId: string
  text: string
  parsed?: unknown
  functionCalls: FunctionCall[]
  /** Built-in tool activity (web_search_call, code_interpreter_call, …) as the API returned it. */
  toolCalls: { type: string; id: string; status: string | null }[]
  reasoningSummary: string[]
  /** Base64 images from the image_generation tool. */
  images: string[]
  /** The same images with what the tool said about each (revised prompt, size, format…). */
  imageCalls: ImageCall[]
  status: string
  /** Every output item as the API returned it (annotations, code outputs, search actions). */
  output: OpenAI.Responses.ResponseOutputItem[]
}

export interface ImageCall {
  id: string
  result: string
  revisedPrompt: string | null
  size: string | null
  quality: string | null
  background: string | null
  outputFormat: string | null
}

const BUILTIN = new Set([
  'web_search',
  'web_search_preview',
  'code_interpreter',
  'image_generation',
  'file_search'
])

export async function respond(
  exec: AiExecutor,
  request: ResponsesRequest,
  ctx: CallContext
): Promise<CallResult<ResponsesResult>> {
  if (request.textFormat) assertStrictSchema(request.textFormat)
  return exec.execute(
    {
      api: 'responses',
      model: request.model,
      needs: needsFor(request),
      run: (args) => runResponses(args, request)
    },
    ctx
  )
}

function needsFor(request: ResponsesRequest): Capability[] {
  const needs: Capability[] = ['responses']
  if (request.tools?.some((t) => BUILTIN.has(t.type))) needs.push('builtinTools')
  if (request.tools?.some((t) => t.type === 'function')) needs.push('functionTools')
  if (request.textFormat) needs.push('structuredOutputs')
  return needs
}

export function responsesParams(
  request: ResponsesRequest,
  args: Pick<RunArgs, 'resolved' | 'model'>
): ResponsesBody {
  const params: ResponsesBody = {
    model: args.model,
    input: request.input,
    instructions: request.instructions,
    previous_response_id: request.previousResponseId,
    store: request.store,
    tools: request.tools,
    tool_choice: request.tools?.length ? request.toolChoice : undefined,
    parallel_tool_calls: request.tools?.length ? request.parallelToolCalls : undefined,
    reasoning: request.reasoning,
    text: textParam(request),
    include: request.include?.length ? request.include : undefined,
    truncation: request.truncation,
    max_output_tokens: request.maxOutputTokens,
    temperature: request.temperature,
    top_p: request.topP
  }
  return sanitizeResponsesParams(params, args.model, {
    reasoningEffort: args.resolved.provider.capabilities.reasoningEffort
  })
}

function textParam(request: ResponsesRequest): ResponsesBody['text'] {
  const format = request.textFormat
  if (!format && !request.verbosity) return undefined
  return {
    ...(format
      ? { format: { type: 'json_schema', name: format.name, schema: format.schema, strict: format.strict } }
      : {}),
    ...(request.verbosity ? { verbosity: request.verbosity } : {})
  }
}

async function runResponses(args: RunArgs, request: ResponsesRequest) {
  const params = responsesParams(request, args)
  let response: Response
  let requestId: string | null
  if (request.stream) {
    const out = await readResponsesStream(args, params, request)
    response = out.response
    requestId = out.requestId
  } else {
    const { data, request_id } = await args.client.responses
      .create(params, { signal: args.signal })
      .withResponse()
    response = data
    requestId = request_id ?? null
  }
  return { value: toResult(response, request), usage: fromResponsesUsage(response.usage), requestId }
}

async function readResponsesStream(
  args: RunArgs,
  params: ResponsesBody,
  request: ResponsesRequest
): Promise<{ response: Response; requestId: string | null }> {
  const { data: events, request_id } = await args.client.responses
    .create({ ...params, stream: true }, { signal: args.signal })
    .withResponse()
  let first = true
  for await (const event of watchStream(events, inactivityFor(args) ?? DEFAULT_INACTIVITY_MS, args.abort)) {
    request.onEvent?.(event.type)
    if (event.type === 'response.output_text.delta' && event.delta) {
      request.onDelta?.({ text: event.delta, restart: first && args.attempt > 1 })
      first = false
    }
    if (event.type === 'response.image_generation_call.partial_image')
      request.onPartialImage?.({ b64: event.partial_image_b64, index: event.partial_image_index })
    if (event.type === 'error') {
      // Some compatible servers nest the fields under `error`, as their HTTP errors do.
      const nested = (event as { error?: { code?: string; message?: string } }).error
      throw streamError(nested?.code ?? event.code, nested?.message ?? event.message)
    }
    if (event.type === 'response.failed')
      throw streamError(event.response.error?.code, event.response.error?.message)
    // An incomplete response (the output token limit, a content filter) is an answer, billed and
    // final: it is returned with its status, never retried as if the stream had been cut.
    if (event.type === 'response.completed' || event.type === 'response.incomplete')
      return { response: event.response, requestId: request_id ?? null }
  }
  throw new AppError(
    'AI_STREAM_INTERRUPTED',
    'The response stream ended before the response was complete; it is retried automatically.'
  )
}

/** Errors that arrive inside a stream carry the same codes as HTTP errors. */
function streamError(code: string | null | undefined, message: string | null | undefined): AppError {
  const text = message ?? 'The provider reported an error.'
  if (code === 'insufficient_quota')
    return new AppError(
      'AI_QUOTA_EXCEEDED',
      `${text} Add credit in the provider’s billing settings; this is not retried.`
    )
  if (code === 'context_length_exceeded')
    return new AppError(
      'AI_CONTEXT_TOO_LONG',
      `${text} Use fewer frames, lower detail or a shorter transcript.`
    )
  if (isModerationBlock(code))
    return new AppError('AI_REFUSED', `The prompt was refused: ${text}`, { providerCode: code })
  if (code === 'rate_limit_exceeded') return new AppError('AI_RATE_LIMITED', text, { retryAfterS: null })
  if (code === 'server_error') return new AppError('AI_UNAVAILABLE', text)
  return new AppError('AI_INVALID_REQUEST', text)
}

function toResult(response: Response, request: ResponsesRequest): ResponsesResult {
  const output = response.output ?? []
  const texts: string[] = []
  const functionCalls: FunctionCall[] = []
  const toolCalls: ResponsesResult['toolCalls'] = []
  const summary: string[] = []
  const images: string[] = []
  const imageCalls: ImageCall[] = []
  for (const item of output) {
    if (item.type === 'message') {
      for (const part of item.content) {
        if (part.type === 'output_text') texts.push(part.text)
        if (part.type === 'refusal') throw refused(part.refusal)
      }
    } else if (item.type === 'function_call')
      functionCalls.push({ callId: item.call_id, name: item.name, arguments: item.arguments })
    else if (item.type === 'reasoning') summary.push(...(item.summary ?? []).map((s) => s.text))
    else {
      const tool = item as { type: string; id?: string; status?: string; result?: string | null }
      toolCalls.push({ type: tool.type, id: tool.id ?? '', status: tool.status ?? null })
      if (tool.type === 'image_generation_call' && tool.result) {
        images.push(tool.result)
        imageCalls.push(imageCall(item as unknown as Record<string, unknown>))
      }
    }
  }
  const text = texts.join('')
  const result: ResponsesResult = {
    responseId: response.id,
    text,
    functionCalls,
    toolCalls,
    reasoningSummary: summary,
    images,
    imageCalls,
    status: response.status ?? 'completed',
    output
  }
  if (request.textFormat && functionCalls.length === 0)
    result.parsed = parseStructured(text || null, request.textFormat)
  return result
}

function imageCall(item: Record<string, unknown>): ImageCall {
  const text = (key: string): string | null => (typeof item[key] === 'string' ? (item[key] as string) : null)
  return {
    id: text('id') ?? '',
    result: text('result') ?? '',
    revisedPrompt: text('revised_prompt'),
    size: text('size'),
    quality: text('quality'),
    background: text('background'),
    outputFormat: text('output_format')
  }
}
