export interface Silence {
  start: number
  end: number
}

export interface PiecePlan {
  /** Cut times in seconds (file time), in order. */
  cuts: number[]
  maxPieceS: number
}

/**
 * Cuts long audio into pieces no longer than the duration cap and no larger than the byte cap,
 * cutting in the middle of a silence near the end of each piece when one exists.
 */
export function planPieces(
  durationS: number,
  silences: readonly Silence[],
  options: { maxPieceS: number; maxPieceBytes: number; bytesPerSecond: number }
): PiecePlan {
  const bySize = options.bytesPerSecond > 0 ? options.maxPieceBytes / options.bytesPerSecond : Infinity
  // Stream-copy cuts land on the next packet boundary, so keep a little margin under each cap.
  const maxPieceS = Math.min(options.maxPieceS, bySize) * 0.98
  const cuts: number[] = []
  let position = 0
  while (durationS - position > maxPieceS) {
    const latest = position + maxPieceS
    const earliest = position + maxPieceS * 0.6
    const quiet = silences
      .map((s) => ({ mid: (s.start + s.end) / 2, length: s.end - s.start }))
      .filter((s) => s.mid > earliest && s.mid <= latest)
    const best = quiet.sort((a, b) => b.mid - a.mid)[0]
    const cut = best ? best.mid : latest
    cuts.push(cut)
    position = cut
  }
  return { cuts, maxPieceS }
}

const SILENCE_START = /silence_start:\s*(-?[\d.]+)/
const SILENCE_END = /silence_end:\s*(-?[\d.]+)/

/** Collects silencedetect's start/end lines into intervals. */
export class SilenceCollector {
  readonly silences: Silence[] = []
  private open: number | null = null

  line(text: string): void {
    const start = SILENCE_START.exec(text)
    if (start) this.open = Number(start[1])
    const end = SILENCE_END.exec(text)
    if (end && this.open !== null) {
      this.silences.push({ start: Math.max(0, this.open), end: Number(end[1]) })
      this.open = null
    }
  }
}

const PEAK = /lavfi\.astats\.Overall\.Peak_level=(-?[\d.]+|-inf)/

/** Turns astats peak levels (dBFS per chunk) into linear peaks 0..1 for a waveform. */
export class PeakCollector {
  readonly peaks: number[] = []

  line(text: string): void {
    const match = PEAK.exec(text)
    if (!match) return
    const db = match[1] === '-inf' ? -120 : Number(match[1])
    this.peaks.push(Math.min(1, Math.max(0, 10 ** (db / 20))))
  }

  /** About `count` peaks, each the maximum of the chunks it covers. */
  summary(count: number): number[] {
    if (this.peaks.length <= count) return this.peaks.map(round3)
    const out: number[] = []
    for (let i = 0; i < count; i += 1) {
      const from = Math.floor((i * this.peaks.length) / count)
      const to = Math.max(from + 1, Math.floor(((i + 1) * this.peaks.length) / count))
      out.push(round3(Math.max(...this.peaks.slice(from, to))))
    }
    return out
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}
