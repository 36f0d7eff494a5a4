import { MAX_SPEECH_CHARS } from '../../ai/calls/audio'

/** Texts longer than this start with a short piece, so playback starts within seconds. */
const QUICK_START_ABOVE = 1500
const FIRST_PIECE_CHARS = 600

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' })
// Inside an over-long sentence: after a clause mark (Western or CJK), else after a space.
const CLAUSE = /(?<=[,;:，、；：—])\s*/u
const SPACE = /(?<=\s)/u

/**
 * Cuts text into pieces the speech API accepts (at most `max` characters), at sentence ends
 * (CJK punctuation too), then clause marks, then spaces; pieces are of similar length, and a long
 * text starts with a short one. Joined back, the pieces hold every character of the text but the
 * whitespace between them.
 */
export function splitForSpeech(text: string, max = MAX_SPEECH_CHARS): string[] {
  const trimmed = text.trim()
  if (trimmed.length <= max) return trimmed ? [trimmed] : []
  const units = [...sentenceSegmenter.segment(trimmed)].flatMap((s) => fit(s.segment, max))
  const pieces: string[] = []
  let rest = units
  if (trimmed.length > QUICK_START_ABOVE) {
    rest = [...fit(rest[0] ?? '', FIRST_PIECE_CHARS), ...rest.slice(1)]
    const first = pack(rest, FIRST_PIECE_CHARS, max, true)
    pieces.push(first.piece)
    rest = first.rest
  }
  const restLength = rest.reduce((sum, unit) => sum + unit.length, 0)
  const target = restLength / Math.max(1, Math.ceil(restLength / max))
  while (rest.length > 0) {
    const next = pack(rest, target, max, false)
    pieces.push(next.piece)
    rest = next.rest
  }
  return pieces.map((piece) => piece.trim()).filter(Boolean)
}

/** Units from the front until the piece would pass `target` (never `max`); at least one. */
function pack(
  units: readonly string[],
  target: number,
  max: number,
  strict: boolean
): { piece: string; rest: string[] } {
  let piece = ''
  let taken = 0
  for (const unit of units) {
    const grown = piece.length + unit.length
    if (taken > 0 && (grown > max || (strict ? grown > target : grown > target * 1.05))) break
    piece += unit
    taken += 1
  }
  return { piece, rest: units.slice(taken) }
}

/** A sentence longer than `max` is cut at clause marks, then spaces, then anywhere (not mid-character). */
function fit(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence]
  for (const splitter of [CLAUSE, SPACE]) {
    const parts = sentence.split(splitter).filter(Boolean)
    if (parts.length > 1)
      return regroup(
        parts.flatMap((part) => fit(part, max)),
        max
      )
  }
  const out: string[] = []
  let rest = sentence
  while (rest.length > max) {
    let cut = max
    const code = rest.charCodeAt(cut - 1)
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1
    out.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  return [...out, rest]
}

/** Small parts joined back up to `max`, so a long sentence is not spoken in fragments. */
function regroup(parts: readonly string[], max: number): string[] {
  const out: string[] = []
  for (const part of parts) {
    const last = out.at(-1)
    if (last !== undefined && last.length + part.length <= max) out[out.length - 1] = last + part
    else out.push(part)
  }
  return out
}
