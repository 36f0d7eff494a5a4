/** What a model name says about the model, for hints beside it in pickers (names, not guarantees). */
export type ModelHint = 'vision' | 'reasoning' | 'audio' | 'image' | 'transcription' | 'speech' | 'embedding'

export type ModelPurpose = 'chat' | 'vision' | 'transcription' | 'speech' | 'image'

export function modelHints(model: string): ModelHint[] {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  const hints: ModelHint[] = []
  if (/embedding/.test(name)) return ['embedding']
  if (/transcribe|whisper/.test(name)) return ['transcription']
  if (/tts/.test(name)) return ['speech']
  if (/^(gpt-image|dall-e)/.test(name)) return ['image']
  if (/^(o\d|gpt-5)(?!.*-chat)|reasoner|thinking|^qwq/.test(name)) hints.push('reasoning')
  if (/^(gpt-4o|gpt-4\.1|gpt-5|o\d|gpt-4-turbo)|vision|-vl|llava|qwen-vl|pixtral|gemma3/.test(name))
    hints.push('vision')
  if (/audio|realtime/.test(name)) hints.push('audio')
  return hints
}

/** Whether a model suits a purpose, judged by its name; unknown names suit chat. */
export function suits(model: string, purpose: ModelPurpose): boolean {
  const hints = modelHints(model)
  if (purpose === 'transcription') return hints.includes('transcription')
  if (purpose === 'speech') return hints.includes('speech')
  if (purpose === 'image') return hints.includes('image')
  const special = hints.some((h) => ['embedding', 'transcription', 'speech', 'image'].includes(h))
  if (special) return false
  return purpose === 'chat' || hints.includes('vision')
}
