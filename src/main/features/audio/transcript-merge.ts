import type { TranscriptWord } from '@shared/domain/audio'
import type { TranscriptSegment } from '@shared/domain/video'
import type { Transcription } from '../../ai/calls/audio'
import type { PieceResult } from './transcripts-repo'

/** Below -50 dBFS nothing is said: such a piece is not sent (and not paid for). */
const SILENT_PEAK = 10 ** (-50 / 20)

interface Span {
  startS: number
  durationS: number
}

/** The file's peaks (spread evenly over `durationS`) that fall inside [from, to). */
function peaksIn(peaks: readonly number[], durationS: number, from: number, to: number): number[] {
  if (peaks.length === 0 || durationS <= 0) return []
  const step = durationS / peaks.length
  const first = Math.max(0, Math.floor(from / step))
  const last = Math.min(peaks.length, Math.ceil(to / step))
  return peaks.slice(first, last)
}

/** A piece whose loudest moment stays under -50 dBFS holds no speech. */
export function isSilentPiece(piece: Span, peaks: readonly number[], durationS: number): boolean {
  const inside = peaksIn(peaks, durationS, piece.startS, piece.startS + piece.durationS)
  return inside.length > 0 && Math.max(...inside) < SILENT_PEAK
}

/** Where the sound starts and ends inside a piece (file time), so estimated times skip its silences. */
export function soundSpan(
  piece: Span,
  peaks: readonly number[],
  durationS: number
): { from: number; to: number } {
  const end = piece.startS + piece.durationS
  const inside = peaksIn(peaks, durationS, piece.startS, end)
  const loud = inside.map((p, i) => (p >= SILENT_PEAK ? i : -1)).filter((i) => i >= 0)
  if (loud.length === 0 || peaks.length === 0) return { from: piece.startS, to: end }
  const step = durationS / peaks.length
  const base = Math.max(0, Math.floor(piece.startS / step)) * step
  const from = Math.max(piece.startS, base + (loud[0] as number) * step)
  const to = Math.min(end, base + ((loud.at(-1) as number) + 1) * step)
  return to > from ? { from, to } : { from: piece.startS, to: end }
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' })

/** Sentences, CJK punctuation included (ICU's sentence rules). */
export function sentences(text: string): string[] {
  return [...sentenceSegmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean)
}

/** Text without times (gpt-4o models) becomes one line per sentence, timed by its share of the sound. */
export function spreadSentences(text: string, from: number, to: number): TranscriptSegment[] {
  const lines = sentences(text)
  const total = lines.reduce((sum, line) => sum + line.length, 0)
  let at = from
  return lines.map((line) => {
    const start = at
    at += ((to - from) * line.length) / Math.max(1, total)
    return { start: round(start), end: round(at), text: line }
  })
}

/** A piece's answer in file time: its segments and words shifted by the piece's start. */
export function shiftPiece(
  result: Transcription,
  piece: Span,
  sound: { from: number; to: number }
): PieceResult {
  const shift = (t: number) => round(t + piece.startS)
  const segments =
    result.segments.length > 0
      ? result.segments.map((s) => ({
          start: shift(s.start),
          end: shift(s.end),
          text: s.text,
          ...(s.speaker ? { speaker: s.speaker } : {})
        }))
      : spreadSentences(result.text.trim(), sound.from, sound.to)
  const words = result.words.map((w) => ({ start: shift(w.start), end: shift(w.end), word: w.word }))
  return { text: result.text, language: result.language, segments, words }
}

const norm = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim()

/**
 * Joins pieces in order. A sentence spoken across a cut comes back from both pieces: at each seam a
 * line that repeats the last one is merged into it, and times never run backwards.
 */
export function mergePieces(
  pieces: readonly PieceResult[],
  durationS: number
): { text: string; language: string | null; segments: TranscriptSegment[]; words: TranscriptWord[] } {
  const segments: TranscriptSegment[] = []
  const words: TranscriptWord[] = []
  for (const piece of pieces) {
    let seam = true
    for (const segment of piece.segments) {
      const last = segments.at(-1)
      if (seam && last && (norm(segment.text) === norm(last.text) || segment.end <= last.end - 0.05)) {
        last.end = clamp(Math.max(last.end, segment.end), durationS)
        continue
      }
      seam = false
      const start = Math.max(segment.start, last?.start ?? 0)
      segments.push({
        ...segment,
        start: clamp(start, durationS),
        end: clamp(Math.max(segment.end, start), durationS)
      })
    }
    const lastWord = words.at(-1)?.end ?? 0
    for (const word of piece.words ?? []) if (word.start >= lastWord - 0.05) words.push(word)
  }
  const cleaned = dropRepeats(segments.filter((s) => s.text.trim()))
  return {
    text: cleaned.map((s) => s.text.trim()).join(' '),
    language: pieces.find((p) => p.language)?.language ?? null,
    segments: cleaned,
    words
  }
}

/** Whisper sometimes loops on noise ("got them, got them, …"): three or more identical lines in a row keep one. */
export function dropRepeats(segments: TranscriptSegment[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = []
  let run = 0
  for (const segment of segments) {
    const last = out.at(-1)
    if (last && last.text.trim().toLowerCase() === segment.text.trim().toLowerCase()) {
      run += 1
      if (run >= 2) {
        last.end = segment.end
        continue
      }
    } else run = 0
    out.push({ ...segment })
  }
  return out
}

function clamp(t: number, durationS: number): number {
  return durationS > 0 ? Math.min(Math.max(0, t), round(durationS)) : Math.max(0, t)
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000
}
