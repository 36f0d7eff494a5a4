import { z } from 'zod'
import { AskApi, ReasoningEffort } from './ask'

/** The Responses API's hosted tools the Playground can turn on. */
export const BuiltinTool = z.enum(['web_search', 'code_interpreter', 'image_generation', 'file_search'])
export type BuiltinTool = z.infer<typeof BuiltinTool>

/** A user-defined function tool; its parameters are a JSON Schema checked by the strict linter. */
export const FunctionDef = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, _ and - only (at most 64).'),
  description: z.string().max(1024).default(''),
  parameters: z
    .record(z.string(), z.unknown())
    .default({ type: 'object', properties: {}, required: [], additionalProperties: false }),
  strict: z.boolean().default(true)
})
export type FunctionDef = z.infer<typeof FunctionDef>

export const ToolChoice = z.union([
  z.enum(['auto', 'required', 'none']),
  z.object({ name: z.string().min(1) })
])
export type ToolChoice = z.infer<typeof ToolChoice>

export const ResponseSchema = z.object({
  name: z.string().min(1).max(64),
  schema: z.record(z.string(), z.unknown())
})

/** Everything a turn is sent with; a conversation keeps the last one used. */
export const TurnSettings = z.object({
  api: AskApi.default('chat'),
  model: z.string().min(1).optional(),
  providerId: z.string().min(1).optional(),
  instructions: z.string().max(100_000).optional(),
  reasoningEffort: ReasoningEffort.optional(),
  reasoningSummary: z.enum(['auto', 'concise', 'detailed']).optional(),
  verbosity: z.enum(['low', 'medium', 'high']).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string().min(1)).max(4).default([]),
  store: z.boolean().optional(),
  tools: z.array(BuiltinTool).default([]),
  vectorStoreIds: z.array(z.string().min(1)).default([]),
  functions: z.array(FunctionDef).max(64).default([]),
  toolChoice: ToolChoice.default('auto'),
  parallelToolCalls: z.boolean().default(true),
  /** Let Framewise answer calls with its own functions (library search, transcripts, keyframes). */
  localTools: z.boolean().default(false),
  schema: ResponseSchema.optional(),
  detail: z.enum(['low', 'high', 'auto']).default('auto')
})
export type TurnSettings = z.output<typeof TurnSettings>
export type TurnSettingsInput = z.input<typeof TurnSettings>

export const Citation = z.object({
  kind: z.enum(['url', 'file', 'container_file']),
  url: z.string().optional(),
  title: z.string().optional(),
  fileId: z.string().optional(),
  filename: z.string().optional(),
  startIndex: z.number().int(),
  endIndex: z.number().int(),
  /** The cited span of the answer (url and container files) or a quote of the file (file search). */
  quote: z.string().optional()
})
export type Citation = z.infer<typeof Citation>

export const ToolCallStatus = z.enum(['pending', 'answered', 'invalid', 'completed', 'failed'])

const Usage = z.object({
  inputTokens: z.number(),
  cachedTokens: z.number(),
  outputTokens: z.number(),
  reasoningTokens: z.number()
})
export type TurnUsage = z.infer<typeof Usage>

/** One piece of a message, in the order it happened. */
export const MessagePart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), assetId: z.string().nullable(), path: z.string() }),
  z.object({
    type: z.literal('tool_call'),
    /** "function" for function tools; the built-in tool's item type otherwise (web_search_call…). */
    kind: z.string(),
    callId: z.string(),
    name: z.string().optional(),
    arguments: z.string().optional(),
    status: ToolCallStatus,
    /** Why the arguments were refused (they do not match the schema). */
    problem: z.string().optional(),
    /** Web search actions (queries, opened pages). */
    actions: z.array(z.string()).optional()
  }),
  z.object({ type: z.literal('tool_result'), callId: z.string(), name: z.string(), output: z.string() }),
  z.object({ type: z.literal('citation'), citation: Citation }),
  z.object({ type: z.literal('generated_image'), assetId: z.string(), path: z.string() }),
  z.object({
    type: z.literal('code'),
    code: z.string(),
    logs: z.string(),
    containerId: z.string().nullable()
  }),
  /** A file the code interpreter wrote: a library asset when it is media, else a stored file. */
  z.object({
    type: z.literal('file_output'),
    assetId: z.string().nullable(),
    path: z.string(),
    filename: z.string()
  }),
  z.object({ type: z.literal('reasoning'), summary: z.string() }),
  z.object({ type: z.literal('refusal'), text: z.string() }),
  z.object({ type: z.literal('parsed'), value: z.unknown() })
])
export type MessagePart = z.infer<typeof MessagePart>

export const MessageStatus = z.enum(['complete', 'partial', 'stopped', 'error', 'pending'])

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  role: z.enum(['user', 'assistant', 'tool']),
  parts: z.array(MessagePart),
  status: MessageStatus,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  api: AskApi.nullable(),
  model: z.string().nullable(),
  provider: z.string().nullable(),
  usage: Usage,
  costUsd: z.number(),
  latencyMs: z.number().nullable(),
  ttftMs: z.number().nullable(),
  requestId: z.string().nullable(),
  responseId: z.string().nullable(),
  /** Column of a comparison still waiting for a winner (null once picked, or never compared). */
  candidate: z.number().int().nullable(),
  settings: TurnSettings.nullable(),
  createdAt: z.string()
})
export type Message = z.infer<typeof Message>

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  pinned: z.boolean(),
  messageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where a search matched (text around the match). */
  snippet: z.string().optional()
})
export type ConversationSummary = z.infer<typeof ConversationSummary>

export const Conversation = ConversationSummary.extend({
  settings: TurnSettings,
  messages: z.array(Message)
})
export type Conversation = z.infer<typeof Conversation>

export const ImageInput = z.union([
  z.object({ assetId: z.string().min(1) }),
  z.object({ path: z.string().min(1) }),
  /** A pasted or dropped image (data URL); stored in the library before it is sent. */
  z.object({ dataUrl: z.string().startsWith('data:image/').max(30_000_000), name: z.string().optional() })
])

export const ToolOutput = z.object({ callId: z.string().min(1), output: z.string().max(200_000) })

export const SendInput = z.object({
  conversationId: z.string().min(1).optional(),
  prompt: z.string().max(200_000).default(''),
  images: z.array(ImageInput).max(16).default([]),
  settings: TurnSettings.default(TurnSettings.parse({})),
  /** Results the user typed for the pending function calls of the last answer. */
  toolOutputs: z.array(ToolOutput).default([]),
  /** Edit and resend / regenerate: this message and everything after it is replaced. */
  replaceFrom: z.string().min(1).optional(),
  /** Too long a context: drop the oldest turns instead of failing. */
  dropOldest: z.boolean().default(false),
  /** Ask the provider for a stream (the page always does; the CLI when --stream is given). */
  stream: z.boolean().default(true),
  /** When set, progress streams as `playground.stream` events carrying this id; stop uses it too. */
  streamId: z.string().min(1).max(100).optional()
})
export type SendInput = z.input<typeof SendInput>

/** The answer of one turn: what `framewise ask --json` prints (plus the message it was stored as). */
export const TurnResult = z.object({
  text: z.string(),
  parsed: z.unknown().optional(),
  refusal: z.string().optional(),
  citations: z.array(
    z.object({ url: z.string(), title: z.string(), startIndex: z.number(), endIndex: z.number() })
  ),
  toolCalls: z.array(
    z.object({
      type: z.string(),
      name: z.string().optional(),
      arguments: z.unknown().optional(),
      callId: z.string().optional(),
      status: z.string()
    })
  ),
  files: z.array(z.object({ assetId: z.string().nullable(), path: z.string() })),
  images: z.array(z.object({ assetId: z.string(), path: z.string() })),
  reasoningSummary: z.string().optional(),
  conversationId: z.string(),
  messageId: z.string(),
  status: MessageStatus,
  usage: Usage,
  costUsd: z.number(),
  latencyMs: z.number(),
  ttftMs: z.number().nullable(),
  model: z.string(),
  provider: z.string(),
  requestId: z.string().nullable(),
  responseId: z.string().optional()
})
export type TurnResult = z.infer<typeof TurnResult>

export const PlaygroundStreamEvent = z.discriminatedUnion('type', [
  z.object({ streamId: z.string(), type: z.literal('delta'), text: z.string(), restart: z.boolean() }),
  z.object({
    streamId: z.string(),
    type: z.literal('wait'),
    seconds: z.number(),
    reason: z.string(),
    attempt: z.number().int()
  }),
  /** What a tool is doing now (searching the web, running code…) or a new round of function calls. */
  z.object({ streamId: z.string(), type: z.literal('activity'), activity: z.string() }),
  z.object({ streamId: z.string(), type: z.literal('partial_image'), dataUrl: z.string() })
])
export type PlaygroundStreamEvent = z.infer<typeof PlaygroundStreamEvent>

export const VectorStoreView = z.object({
  id: z.string(),
  name: z.string(),
  providerId: z.string().nullable(),
  files: z.array(z.object({ fileId: z.string(), name: z.string(), status: z.string() })),
  createdAt: z.string()
})
export type VectorStoreView = z.infer<typeof VectorStoreView>

export const CodeLanguage = z.enum(['curl', 'typescript', 'python'])
export type CodeLanguage = z.infer<typeof CodeLanguage>
