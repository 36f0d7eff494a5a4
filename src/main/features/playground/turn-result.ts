import type { Message, MessagePart, TurnResult } from '@shared/domain/playground'
import { parsedArguments } from './function-calls'

type PartOf<T extends MessagePart['type']> = Extract<MessagePart, { type: T }>

const partsOf = <T extends MessagePart['type']>(message: Message, type: T): PartOf<T>[] =>
  message.parts.filter((p): p is PartOf<T> => p.type === type)

/** The document of a stored answer: what the renderer's compare columns and `ask --json` read. */
export function turnResult(message: Message): TurnResult {
  const text = partsOf(message, 'text')
    .map((p) => p.text)
    .join('')
  const parsed = partsOf(message, 'parsed')[0]
  const refusal = partsOf(message, 'refusal')[0]
  const reasoning = partsOf(message, 'reasoning')
    .map((p) => p.summary)
    .join('\n\n')
  return {
    text,
    ...(parsed ? { parsed: parsed.value } : {}),
    ...(refusal ? { refusal: refusal.text } : {}),
    citations: partsOf(message, 'citation').flatMap(({ citation: c }) =>
      c.kind === 'url'
        ? [{ url: c.url ?? '', title: c.title ?? '', startIndex: c.startIndex, endIndex: c.endIndex }]
        : []
    ),
    toolCalls: partsOf(message, 'tool_call').map((c) => ({
      type: c.kind === 'function' ? 'function_call' : c.kind,
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.arguments !== undefined ? { arguments: parsedArguments(c.arguments) } : {}),
      callId: c.callId,
      status: c.status
    })),
    files: partsOf(message, 'file_output').map((f) => ({ assetId: f.assetId, path: f.path })),
    images: partsOf(message, 'generated_image').map((i) => ({ assetId: i.assetId, path: i.path })),
    ...(reasoning ? { reasoningSummary: reasoning } : {}),
    conversationId: message.conversationId,
    messageId: message.id,
    status: message.status,
    usage: message.usage,
    costUsd: message.costUsd,
    latencyMs: message.latencyMs ?? 0,
    ttftMs: message.ttftMs,
    model: message.model ?? '',
    provider: message.provider ?? '',
    requestId: message.requestId,
    ...(message.responseId ? { responseId: message.responseId } : {})
  }
}
