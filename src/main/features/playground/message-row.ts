import {
  Message,
  MessagePart,
  TurnSettings,
  type ConversationSummary,
  type TurnUsage
} from '@shared/domain/playground'
import { z } from 'zod'

export interface MessageRow {
  id: string
  conversation_id: string
  seq: number
  role: Message['role']
  parts_json: string
  status: Message['status']
  error_json: string | null
  api: Message['api']
  model: string | null
  provider_id: string | null
  input_tokens: number
  cached_tokens: number
  output_tokens: number
  reasoning_tokens: number
  cost_usd: number
  latency_ms: number | null
  ttft_ms: number | null
  request_id: string | null
  response_id: string | null
  settings_json: string | null
  candidate: number | null
  created_at: string
}

export interface ConversationRow {
  id: string
  title: string
  pinned: number
  settings_json: string
  created_at: string
  updated_at: string
  message_count: number
  snippet?: string | null
}

/** What a new or rewritten message holds; usage and bookkeeping default to nothing yet. */
export interface MessageDraft {
  role: Message['role']
  parts: MessagePart[]
  status: Message['status']
  error?: { code: string; message: string } | null
  api?: Message['api']
  model?: string | null
  provider?: string | null
  usage?: TurnUsage
  costUsd?: number
  latencyMs?: number | null
  ttftMs?: number | null
  requestId?: string | null
  responseId?: string | null
  request?: unknown
  settings?: TurnSettings | null
  candidate?: number | null
}

const Parts = z.array(MessagePart)

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    role: row.role,
    parts: Parts.parse(JSON.parse(row.parts_json)),
    status: row.status,
    error: row.error_json ? (JSON.parse(row.error_json) as Message['error']) : null,
    api: row.api,
    model: row.model,
    provider: row.provider_id,
    usage: {
      inputTokens: row.input_tokens,
      cachedTokens: row.cached_tokens,
      outputTokens: row.output_tokens,
      reasoningTokens: row.reasoning_tokens
    },
    costUsd: row.cost_usd,
    latencyMs: row.latency_ms,
    ttftMs: row.ttft_ms,
    requestId: row.request_id,
    responseId: row.response_id,
    candidate: row.candidate,
    settings: row.settings_json ? TurnSettings.parse(JSON.parse(row.settings_json)) : null,
    createdAt: row.created_at
  }
}

export function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    pinned: row.pinned === 1,
    messageCount: row.message_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.snippet ? { snippet: row.snippet } : {})
  }
}

/** The text search finds a message by: what was said, typed or returned, not ids or JSON. */
export function searchText(parts: readonly MessagePart[]): string {
  const pieces: string[] = []
  for (const part of parts) {
    if (part.type === 'text' || part.type === 'refusal') pieces.push(part.text)
    else if (part.type === 'reasoning') pieces.push(part.summary)
    else if (part.type === 'code') pieces.push(part.code, part.logs)
    else if (part.type === 'tool_result') pieces.push(part.output)
    else if (part.type === 'file_output') pieces.push(part.filename)
  }
  return pieces.filter(Boolean).join('\n')
}

/** The columns a draft fills, in the order the repository's statements name them. */
export function draftColumns(draft: MessageDraft) {
  const usage = draft.usage ?? { inputTokens: 0, cachedTokens: 0, outputTokens: 0, reasoningTokens: 0 }
  return {
    role: draft.role,
    parts_json: JSON.stringify(draft.parts),
    text: searchText(draft.parts),
    status: draft.status,
    error_json: draft.error ? JSON.stringify(draft.error) : null,
    api: draft.api ?? null,
    model: draft.model ?? null,
    provider_id: draft.provider ?? null,
    input_tokens: usage.inputTokens,
    cached_tokens: usage.cachedTokens,
    output_tokens: usage.outputTokens,
    reasoning_tokens: usage.reasoningTokens,
    cost_usd: draft.costUsd ?? 0,
    latency_ms: draft.latencyMs ?? null,
    ttft_ms: draft.ttftMs ?? null,
    request_id: draft.requestId ?? null,
    response_id: draft.responseId ?? null,
    request_json: draft.request === undefined ? null : JSON.stringify(draft.request),
    settings_json: draft.settings ? JSON.stringify(draft.settings) : null,
    candidate: draft.candidate ?? null
  }
}
