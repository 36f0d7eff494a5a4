import type { Conversation, Message, MessagePart } from '@shared/domain/playground'

export interface ExportedConversation {
  filename: string
  mime: string
  content: string
}

/** A conversation as Markdown (to read or paste) or JSON (every part and figure, to process). */
export function exportConversation(conversation: Conversation, format: 'md' | 'json'): ExportedConversation {
  const base =
    conversation.title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 60) || 'conversation'
  if (format === 'json')
    return {
      filename: `${base}.json`,
      mime: 'application/json',
      content: `${JSON.stringify(conversation, null, 2)}\n`
    }
  const lines = [`# ${conversation.title}`, '']
  for (const message of conversation.messages) lines.push(...messageLines(message), '')
  return { filename: `${base}.md`, mime: 'text/markdown', content: `${lines.join('\n').trimEnd()}\n` }
}

function messageLines(message: Message): string[] {
  const who =
    message.role === 'user'
      ? 'User'
      : message.role === 'tool'
        ? 'Function results'
        : `Assistant (${message.model ?? '?'})`
  const out = [`## ${who}`, '']
  for (const part of message.parts) out.push(...partLines(part))
  if (message.role === 'assistant') out.push('', usageLine(message))
  if (message.status !== 'complete')
    out.push('', `_${message.status}${message.error ? `: ${message.error.message}` : ''}_`)
  return out
}

function partLines(part: MessagePart): string[] {
  switch (part.type) {
    case 'text':
      return part.text ? [part.text] : []
    case 'image':
    case 'generated_image':
      return [`![image](${part.path})`]
    case 'file_output':
      return [`[${part.filename}](${part.path})`]
    case 'reasoning':
      return [`> Thinking: ${part.summary.replace(/\n/g, '\n> ')}`]
    case 'refusal':
      return [`> Refused: ${part.text}`]
    case 'code':
      return ['```python', part.code, '```', ...(part.logs ? ['```', part.logs, '```'] : [])]
    case 'tool_call':
      return [
        `- ${part.kind === 'function' ? `call \`${part.name}(${part.arguments ?? ''})\`` : part.kind} — ${part.status}${(part.actions ?? []).map((a) => `\n  - ${a}`).join('')}`
      ]
    case 'tool_result':
      return [`- result of \`${part.name}\`: ${part.output}`]
    case 'citation':
      return [
        part.citation.url
          ? `- [${part.citation.title ?? part.citation.url}](${part.citation.url})`
          : `- ${part.citation.filename ?? ''}`
      ]
    case 'parsed':
      return ['```json', JSON.stringify(part.value, null, 2), '```']
  }
}

function usageLine(m: Message): string {
  const u = m.usage
  return `_${u.inputTokens} in (${u.cachedTokens} cached) · ${u.outputTokens} out (${u.reasoningTokens} reasoning) · $${m.costUsd.toFixed(6)} · ${m.latencyMs ?? 0} ms_`
}
