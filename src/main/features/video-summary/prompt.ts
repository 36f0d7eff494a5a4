import type OpenAI from 'openai'
import type { TranscriptSegment } from '@shared/domain/video'
import { timecode } from '@shared/timecode'

export interface PromptFrame {
  t: number
  dataUrl: string
  detail: 'low' | 'high'
}

type Part = OpenAI.Chat.ChatCompletionContentPart
type Message = OpenAI.Chat.ChatCompletionMessageParam

const RULES = [
  'You summarise videos for a viewer who has not watched them.',
  'You are given keyframes in time order, each preceded by its timestamp in [mm:ss], and a transcript with timestamps.',
  'All times in your answer are seconds from the start of the video, as numbers.',
  'Chapters follow the video in order and together cover all of it; key moments point at exact times.',
  'Base everything on what is seen and said; when something is uncertain, say so. Leave lists empty when nothing fits.'
].join(' ')

export function languageRule(language: string | undefined): string {
  return language
    ? `Write every text field in the language with code "${language}" and put that code in "language".`
    : 'Write in the language spoken in the video (English when there is no speech) and put its BCP-47 code in "language".'
}

export function transcriptText(segments: readonly TranscriptSegment[], from = 0, to = Infinity): string {
  return segments
    .filter((s) => s.end >= from && s.start < to)
    .map((s) => `[${timecode(s.start)}] ${s.text}`)
    .join('\n')
}

/** One request: frames (each after its [mm:ss] label), then the transcript. */
export function summaryMessages(input: {
  name: string
  durationS: number
  frames: readonly PromptFrame[]
  segments: readonly TranscriptSegment[] | null
  language?: string
  window?: { index: number; count: number; from: number; to: number }
}): Message[] {
  const scope = input.window
    ? `This is part ${input.window.index + 1} of ${input.window.count}, covering ${timecode(input.window.from)}–${timecode(input.window.to)} of “${input.name}” (${timecode(input.durationS)} in all). Summarise only this part.`
    : `The video is “${input.name}”, ${timecode(input.durationS)} long.`
  const content: Part[] = [{ type: 'text', text: scope }]
  for (const frame of input.frames) {
    content.push({ type: 'text', text: `[${timecode(frame.t)}]` })
    content.push({ type: 'image_url', image_url: { url: frame.dataUrl, detail: frame.detail } })
  }
  const from = input.window?.from ?? 0
  const to = input.window?.to ?? Infinity
  const transcript =
    input.segments === null
      ? 'There is no audio track: summarise from the frames alone.'
      : transcriptText(input.segments, from, to) || 'The transcript of this part is empty (no speech).'
  content.push({ type: 'text', text: `Transcript:\n${transcript}` })
  return [
    { role: 'system', content: `${RULES} ${languageRule(input.language)}` },
    { role: 'user', content }
  ]
}

/** The reduce step: the parts' summaries (JSON) merged into one for the whole video. */
export function mergeMessages(input: {
  name: string
  durationS: number
  parts: unknown[]
  language?: string
}): Message[] {
  return [
    { role: 'system', content: `${RULES} ${languageRule(input.language)}` },
    {
      role: 'user',
      content: `These are summaries of consecutive parts of “${input.name}” (${timecode(input.durationS)} in all), in order, as JSON. Merge them into one summary of the whole video: one title and overview, chapters that may join neighbouring parts when they continue the same subject, and the key moments, topics, people and action items that matter most.\n\n${JSON.stringify(input.parts)}`
    }
  ]
}
