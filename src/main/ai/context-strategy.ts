import type OpenAI from 'openai'

/** What a pipeline wants done when its request is longer than the model's context. */
export type ContextStrategy = 'fail' | 'trim-oldest' | 'shrink-images'

type Message = OpenAI.Chat.ChatCompletionMessageParam

/**
 * Returns a smaller request, or null when the strategy can shrink it no further.
 * trim-oldest drops the oldest turns after the system prompt (keeping the last user turn);
 * shrink-images turns every image to detail "low", then drops every other image.
 */
export function shrinkMessages(messages: Message[], strategy: ContextStrategy): Message[] | null {
  if (strategy === 'trim-oldest') return trimOldest(messages)
  if (strategy === 'shrink-images') return shrinkImages(messages)
  return null
}

function trimOldest(messages: Message[]): Message[] | null {
  const system = messages.filter((m) => m.role === 'system' || m.role === 'developer')
  const rest = messages.filter((m) => m.role !== 'system' && m.role !== 'developer')
  if (rest.length <= 1) return null
  const drop = Math.max(1, Math.floor(rest.length / 3))
  let kept = rest.slice(drop)
  // A tool result must follow the assistant turn that asked for it.
  while (kept[0]?.role === 'tool') kept = kept.slice(1)
  return kept.length > 0 ? [...system, ...kept] : null
}

type Part = OpenAI.Chat.ChatCompletionContentPart

function shrinkImages(messages: Message[]): Message[] | null {
  const images = messages.flatMap((m) =>
    Array.isArray(m.content) ? (m.content as Part[]).filter((p) => p.type === 'image_url') : []
  )
  if (images.length === 0) return null
  const allLow = images.every((p) => p.type === 'image_url' && p.image_url.detail === 'low')
  if (allLow && images.length <= 1) return null
  let index = 0
  return messages.map((m) => {
    if (!Array.isArray(m.content)) return m
    const content = (m.content as Part[]).flatMap((part): Part[] => {
      if (part.type !== 'image_url') return [part]
      index += 1
      if (!allLow) return [{ ...part, image_url: { ...part.image_url, detail: 'low' } }]
      return index % 2 === 0 ? [] : [part]
    })
    return { ...m, content } as Message
  })
}
