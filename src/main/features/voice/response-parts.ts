import type { VoiceUsage } from '@shared/domain/voice'
import { num, obj, str } from './server-event-names'

/** One message of an answer as it streams in: its words, its audio, when its first audio came. */
export interface AnswerItem {
  itemId: string
  text: string
  audio: Buffer[]
  firstAudioAt: number | null
  latencyMs: number | null
}

/** Realtime usage (`input_token_details`, singular): audio counts include their cached part. */
export function readUsage(raw: unknown): { usage: VoiceUsage; cachedAudio: number } {
  const u = obj(raw)
  const input = obj(u.input_token_details)
  const output = obj(u.output_token_details)
  return {
    usage: {
      inputTokens: num(u.input_tokens),
      outputTokens: num(u.output_tokens),
      cachedTokens: num(input.cached_tokens),
      audioInputTokens: num(input.audio_tokens),
      audioOutputTokens: num(output.audio_tokens)
    },
    cachedAudio: num(obj(input.cached_tokens_details).audio_tokens)
  }
}

/** Messages the response lists that no delta announced (a provider that sends only the final shape). */
export function fillFromOutput(
  output: unknown,
  answers: Map<string, AnswerItem>,
  create: (itemId: string) => AnswerItem
): void {
  if (!Array.isArray(output)) return
  for (const raw of output) {
    const item = obj(raw)
    if (item.type !== 'message' || item.role !== 'assistant') continue
    const id = str(item.id)
    const content = Array.isArray(item.content) ? item.content.map(obj) : []
    const text = content.map((c) => str(c.transcript) || str(c.text)).join('')
    if (!id || (answers.has(id) && answers.get(id)?.text)) continue
    if (text) create(id).text = text
  }
}
