import type OpenAI from 'openai'
import type { Message, MessagePart, TurnSettings } from '@shared/domain/playground'
import type { ChatMessage } from '../../ai/calls/chat'

type ImagePart = Extract<MessagePart, { type: 'image' }>
/** A data URL of the image prepared for the model (upright, resized for the detail). */
export type ImageUrl = (part: ImagePart) => Promise<string>
type Detail = TurnSettings['detail']
type InputItem = OpenAI.Responses.ResponseInputItem

const textOf = (message: Message): string =>
  message.parts
    .filter((p): p is Extract<MessagePart, { type: 'text' }> => p.type === 'text')
    .map((p) => p.text)
    .join('')

/** Messages that belong to the conversation's line: compared answers not picked are left out. */
export function settled(messages: readonly Message[]): Message[] {
  return messages.filter((m) => m.candidate === null && m.status !== 'error')
}

/** The whole conversation for chat completions, tool calls and their results in place. */
export async function chatHistory(
  messages: readonly Message[],
  settings: TurnSettings,
  imageUrl: ImageUrl
): Promise<ChatMessage[]> {
  const out: ChatMessage[] = settings.instructions ? [{ role: 'system', content: settings.instructions }] : []
  // A call nobody answered (the user typed a new message instead) cannot be sent: the API wants
  // a result for every call it is shown.
  const answered = answeredCalls(messages)
  for (const message of messages) {
    if (message.role === 'user') out.push(await chatUser(message, settings.detail, imageUrl))
    else out.push(...chatAssistant(message, answered))
  }
  return out
}

async function chatUser(message: Message, detail: Detail, imageUrl: ImageUrl): Promise<ChatMessage> {
  const images = message.parts.filter((p): p is ImagePart => p.type === 'image')
  if (images.length === 0) return { role: 'user', content: textOf(message) }
  const urls = await Promise.all(images.map(imageUrl))
  return {
    role: 'user',
    content: [
      { type: 'text', text: textOf(message) },
      ...urls.map((url) => ({ type: 'image_url' as const, image_url: { url, detail } }))
    ]
  }
}

/** An answer's calls go out as one assistant turn, each result as a tool message, then its text. */
/** Calls (as "messageId:callId") that a later tool result answers; ids may repeat across turns. */
function answeredCalls(messages: readonly Message[]): Set<string> {
  const open = new Map<string, string>()
  const answered = new Set<string>()
  for (const message of messages)
    for (const part of message.parts) {
      if (part.type === 'tool_call') open.set(part.callId, `${message.id}:${part.callId}`)
      if (part.type === 'tool_result' && open.has(part.callId)) answered.add(open.get(part.callId) as string)
    }
  return answered
}

function chatAssistant(message: Message, answered: Set<string>): ChatMessage[] {
  const out: ChatMessage[] = []
  let calls: OpenAI.Chat.ChatCompletionMessageFunctionToolCall[] = []
  const flush = (content: string | null): void => {
    if (calls.length === 0 && !content) return
    out.push({ role: 'assistant', content, ...(calls.length > 0 ? { tool_calls: calls } : {}) })
    calls = []
  }
  for (const part of message.parts) {
    if (part.type === 'tool_call' && part.kind === 'function' && answered.has(`${message.id}:${part.callId}`))
      calls.push({
        id: part.callId,
        type: 'function',
        function: { name: part.name ?? '', arguments: part.arguments ?? '{}' }
      })
    else if (part.type === 'tool_result') {
      flush(null)
      out.push({ role: 'tool', tool_call_id: part.callId, content: part.output })
    } else if (part.type === 'text' && part.text) flush(part.text)
  }
  flush(null)
  return out
}

/** The new turn only: with previous_response_id the API keeps everything before it. */
export async function responsesTurn(user: Message, detail: Detail, imageUrl: ImageUrl): Promise<InputItem[]> {
  const images = user.parts.filter((p): p is ImagePart => p.type === 'image')
  const urls = await Promise.all(images.map(imageUrl))
  return [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: textOf(user) },
        ...urls.map((url) => ({ type: 'input_image' as const, image_url: url, detail }))
      ]
    }
  ]
}

/** Without a stored previous response (a first turn, or one after chat turns): the text so far. */
export async function responsesHistory(
  messages: readonly Message[],
  detail: Detail,
  imageUrl: ImageUrl
): Promise<InputItem[]> {
  const out: InputItem[] = []
  for (const message of messages) {
    if (message.role === 'user') out.push(...(await responsesTurn(message, detail, imageUrl)))
    else if (message.role === 'assistant' && textOf(message))
      out.push({ role: 'assistant', content: textOf(message) })
  }
  return out
}

/** The response a continuation may chain from: the newest answer's, if it is the last turn. */
export function previousResponseId(messages: readonly Message[], providerId?: string | null): string | null {
  const last = [...messages].reverse().find((m) => m.role !== 'user')
  // Only a whole answer can be continued: calls left unanswered (pending, or a cut or stopped round)
  // make the API refuse it, and another provider does not know its id at all.
  if (!last || last.api !== 'responses' || last.settings?.store === false || last.status !== 'complete')
    return null
  if (providerId && last.provider && last.provider !== providerId) return null
  const lastUser = [...messages].reverse().find((m) => m.role === 'user')
  return lastUser && lastUser.seq > last.seq ? null : last.responseId
}
