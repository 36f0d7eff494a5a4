import type { VideoSummary } from '@shared/domain/video'

type Chapter = VideoSummary['chapters'][number]

/**
 * Makes the model's chapters usable as a timeline: numbers only, sorted, inside [0, duration],
 * contiguous (each ends where the next starts), the first at 0 and the last at the end.
 */
export function normaliseChapters(chapters: readonly Chapter[], durationS: number): Chapter[] {
  const clamp = (t: number): number => Math.min(durationS, Math.max(0, Number.isFinite(t) ? t : 0))
  const sorted = chapters
    .map((c) => ({ ...c, start: clamp(c.start), end: clamp(c.end) }))
    .sort((a, b) => a.start - b.start)
    .filter((c, i, all) => i === 0 || c.start > (all[i - 1] as Chapter).start)
  return sorted.map((chapter, i) => {
    const next = sorted[i + 1]
    const start = i === 0 ? 0 : chapter.start
    const end = next ? next.start : durationS
    return { ...chapter, start: round(start), end: round(Math.max(start, end)) }
  })
}

export function normaliseMoments(
  moments: VideoSummary['keyMoments'],
  durationS: number
): VideoSummary['keyMoments'] {
  return moments
    .filter((m) => Number.isFinite(m.t) && m.t >= 0 && m.t <= durationS + 1)
    .map((m) => ({ ...m, t: round(Math.min(m.t, durationS)) }))
    .sort((a, b) => a.t - b.t)
}

/** Chapters and moments checked against the real duration. */
export function normaliseSummary(summary: VideoSummary, durationS: number): VideoSummary {
  return {
    ...summary,
    chapters: normaliseChapters(summary.chapters, durationS),
    keyMoments: normaliseMoments(summary.keyMoments, durationS)
  }
}

function round(t: number): number {
  return Math.round(t * 100) / 100
}
