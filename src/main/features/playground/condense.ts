import type { Message, TurnSettings } from '@shared/domain/playground'
import type { AiService } from '../../ai/ai-service'
import type { ChatMessage } from '../../ai/calls/chat'

const ASK =
  'Summarise this conversation so that it can go on in a new one: the goal, the facts and decisions so far, and any open question. Be concise; write in the language of the conversation.'

/**
 * A too-long conversation's gist, asked of its own model on Chat Completions (the oldest turns are
 * dropped if even the summary request is too long).
 */
export async function summariseConversation(
  ai: AiService,
  messages: readonly Message[],
  settings: TurnSettings,
  model: string
): Promise<string> {
  const history: ChatMessage[] = messages.flatMap((m): ChatMessage[] => {
    const text = m.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('')
    if (!text) return []
    return [m.role === 'user' ? { role: 'user', content: text } : { role: 'assistant', content: text }]
  })
  const result = await ai.chat(
    { model, messages: [...history, { role: 'user', content: ASK }], onContextTooLong: 'trim-oldest' },
    { providerId: settings.providerId ?? null }
  )
  return result.value.text ?? ''
}

/** The new conversation's instructions: the old ones, then the summary it continues from. */
export function instructionsWithSummary(instructions: string | undefined, summary: string): string {
  const intro = 'Summary of the earlier conversation this one continues:'
  return [instructions, `${intro}\n${summary}`].filter(Boolean).join('\n\n')
}
