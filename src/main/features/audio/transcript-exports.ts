import type { TranscriptExportFormat, TranscriptWord } from '@shared/domain/audio'
import type { TranscriptSegment } from '@shared/domain/video'
import { subtitleClock, timecode } from '@shared/timecode'

export interface ExportableTranscript {
  name: string
  model: string
  language: string | null
  durationS: number | null
  segments: TranscriptSegment[]
  words: TranscriptWord[]
  /** Speaker label → the name to print. */
  speakers: Record<string, string>
  costUsd: number
  edited: boolean
}

const MIME: Record<TranscriptExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json'
}

/** The lines as the user sees them: their edits over the model's text, empty lines dropped. */
export function editedSegments(
  segments: readonly TranscriptSegment[],
  edits: Record<string, string>
): TranscriptSegment[] {
  return segments.map((s, i) =>
    edits[String(i)] === undefined ? s : { ...s, text: edits[String(i)] as string }
  )
}

export function exportTranscript(
  input: ExportableTranscript,
  format: TranscriptExportFormat
): { filename: string; mime: string; content: string } {
  const base = input.name.replace(/\.[^.]+$/, '') || 'transcript'
  const say = speakerName(input.speakers)
  const content =
    format === 'srt'
      ? srtOf(input.segments, say)
      : format === 'vtt'
        ? vttOf(input.segments, say)
        : format === 'txt'
          ? txtOf(input.segments, say)
          : format === 'md'
            ? markdownOf(input, say)
            : jsonOf(input, say)
  return { filename: `${base}.${format}`, mime: MIME[format], content }
}

type Say = (segment: TranscriptSegment) => string | null

function speakerName(names: Record<string, string>): Say {
  return (segment) => (segment.speaker ? names[segment.speaker] || segment.speaker : null)
}

const noSpeakers: Say = () => null

function cues(segments: readonly TranscriptSegment[]): TranscriptSegment[] {
  return segments.filter((s) => s.text.trim())
}

/** A cue shorter than half a second would flash by: it is shown for at least that long. */
const cueEnd = (c: TranscriptSegment) => Math.max(c.end, c.start + 0.5)

export function srtOf(segments: readonly TranscriptSegment[], say: Say = noSpeakers): string {
  return cues(segments)
    .map((c, i) => {
      const who = say(c)
      return `${i + 1}\n${subtitleClock(c.start, ',')} --> ${subtitleClock(cueEnd(c), ',')}\n${who ? `${who}: ` : ''}${c.text}\n`
    })
    .join('\n')
}

export function vttOf(segments: readonly TranscriptSegment[], say: Say = noSpeakers): string {
  const body = cues(segments).map((c) => {
    const who = say(c)
    // WebVTT's voice tag names the speaker; players show it or style it.
    const text = who ? `<v ${who.replace(/[<>&]/g, '')}>${c.text}` : c.text
    return `${subtitleClock(c.start, '.')} --> ${subtitleClock(cueEnd(c), '.')}\n${text}\n`
  })
  return ['WEBVTT', '', ...body].join('\n')
}

export function txtOf(segments: readonly TranscriptSegment[], say: Say = noSpeakers): string {
  return `${cues(segments)
    .map((c) => {
      const who = say(c)
      return `[${timecode(c.start)}] ${who ? `${who}: ` : ''}${c.text}`
    })
    .join('\n')}\n`
}

function markdownOf(input: ExportableTranscript, say: Say): string {
  const facts = [input.model, input.language, input.durationS ? timecode(input.durationS) : null]
  const lines = [`# ${input.name}`, '', `_${facts.filter(Boolean).join(' · ')}_`, '']
  for (const c of cues(input.segments)) {
    const who = say(c)
    lines.push(`**[${timecode(c.start)}]**${who ? ` **${who}:**` : ''} ${c.text}`, '')
  }
  lines.push('---', `Transcribed by Framewise with ${input.model}${input.edited ? ', edited' : ''}.`)
  return `${lines.join('\n')}\n`
}

function jsonOf(input: ExportableTranscript, say: Say): string {
  const segments = cues(input.segments).map((c) => ({
    start: c.start,
    end: c.end,
    text: c.text,
    ...(c.speaker ? { speaker: say(c) ?? c.speaker } : {})
  }))
  const document = {
    name: input.name,
    model: input.model,
    language: input.language,
    durationS: input.durationS,
    edited: input.edited,
    costUsd: input.costUsd,
    text: segments.map((s) => s.text).join(' '),
    segments,
    ...(input.words.length > 0 ? { words: input.words } : {})
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
