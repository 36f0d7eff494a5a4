/** 75 → "01:15", 3725 → "1:02:05": the form the prompt and the UI use for timestamps. */
export function timecode(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${String(m).padStart(2, '0')}:${sec}`
}

/** Like timecode, with tenths of a second: "00:00.4". For frames closer together than a second. */
export function finerTimecode(seconds: number): string {
  const tenths = Math.floor((Math.max(0, seconds) * 10) % 10)
  return `${timecode(seconds)}.${tenths}`
}

/** Whether any two neighbouring times fall within the same second, so whole seconds cannot tell them apart. */
export function needsFinerTimes(times: readonly number[]): boolean {
  return times.some((t, i) => i > 0 && Math.floor(t) === Math.floor(times[i - 1] ?? -1))
}

/** SRT/VTT clock: 00:01:02,345 (or with "." for VTT). */
export function subtitleClock(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const rest = ms % 1000
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${separator}${String(rest).padStart(3, '0')}`
}

/** "[01:15]" or "[1:02:05]" in a model's answer: the spots that become links to the player. */
const CITATION = /\[(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[–-][^\]]*)?\]/g

export interface TextPiece {
  text: string
  /** Seconds when this piece is a timestamp citation. */
  t?: number
}

export function splitCitations(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let last = 0
  for (const match of text.matchAll(CITATION)) {
    const [whole, h, m, s] = match
    const minutes = Number(m)
    const seconds = Number(s)
    if (seconds > 59 || (h !== undefined && minutes > 59)) continue
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) })
    pieces.push({ text: whole, t: Number(h ?? 0) * 3600 + minutes * 60 + seconds })
    last = match.index + whole.length
  }
  if (last < text.length) pieces.push({ text: text.slice(last) })
  return pieces
}
