import { pictureDistance, type Signature } from './phash'

export type FrameReason = 'keyframe' | 'scene' | 'sample' | 'fill'

export interface FrameCandidate {
  t: number
  signature: Signature
  reason: FrameReason
}

export interface FrameChoice<C extends FrameCandidate> {
  chosen: C[]
  /** Times with no decoded frame near enough; extracting one there closes a coverage gap. */
  fillTimes: number[]
}

/** Distance (0–64) at or under which two frames are the same picture for a viewer. */
export const DUPLICATE_BITS = 6
/** Distance from the previous frame at or over which a frame starts a new scene. */
export const CUT_BITS = 18
/**
 * Candidates closer than this are one moment for a viewer (a keyframe and the scene frame 40 ms
 * after it): only the later one, the settled picture, is kept, so the pair costs one frame.
 */
export const SAME_MOMENT_S = 0.5

/**
 * Picks at most `maxFrames`: first a skeleton so no gap exceeds twice the even spacing (coverage
 * comes first), then scene changes by strength, then the frame nearest the middle of the widest gap
 * while skipping near-duplicates, so a still shot does not use up the budget
 * (docs/adr/005-keyframe-selection.md).
 */
export function chooseFrames<C extends FrameCandidate>(
  candidates: readonly C[],
  options: {
    durationS: number
    maxFrames: number
    /**
     * Whether the stretch between two decoded frames is one continuous shot (say, one GOP with
     * nothing coded from scratch in it): budget left over is not spent reading frames from inside
     * such a stretch, which would only show the way from one end to the other.
     */
    continuous?: (start: number, end: number) => boolean
  }
): FrameChoice<C> {
  const maxGap = (2 * options.durationS) / Math.max(1, options.maxFrames)
  // Dense budgets (short clips) keep every candidate: there, 40 ms apart are different moments.
  const moment = Math.min(SAME_MOMENT_S, maxGap / 8)
  const sorted = oneFramePerMoment(
    [...candidates].sort((a, b) => a.t - b.t),
    moment
  )
  const novelty = new Map<C, number>(
    sorted.map((c, i) => [c, i === 0 ? 64 : pictureDistance(c.signature, (sorted[i - 1] as C).signature)])
  )
  const { chosen, fillTimes } = coverSkeleton(sorted, novelty, options.durationS, maxGap)
  const budget = (): number => options.maxFrames - chosen.size - fillTimes.length
  const cuts = sorted.filter((c) => !chosen.has(c) && (novelty.get(c) ?? 0) >= CUT_BITS)
  cuts.sort((a, b) => (novelty.get(b) ?? 0) - (novelty.get(a) ?? 0))
  for (const cut of cuts) {
    if (budget() <= 0) break
    chosen.add(cut)
  }
  const span = { durationS: options.durationS, maxGap, continuous: options.continuous ?? (() => false) }
  fillWidestGaps(sorted, { chosen, fillTimes }, span, budget)
  return { chosen: sorted.filter((c) => chosen.has(c)), fillTimes }
}

function oneFramePerMoment<C extends FrameCandidate>(sorted: C[], moment: number): C[] {
  const kept: C[] = []
  let runStart = Number.NEGATIVE_INFINITY
  for (const candidate of sorted) {
    if (candidate.t - runStart < moment) kept[kept.length - 1] = candidate
    else {
      kept.push(candidate)
      runStart = candidate.t
    }
  }
  return kept
}

/**
 * Greedy cover: from each chosen point, the latest scene change within maxGap, else the latest
 * candidate there, or a fill time where the window holds no decoded frame.
 */
function coverSkeleton<C extends FrameCandidate>(
  sorted: C[],
  novelty: Map<C, number>,
  durationS: number,
  maxGap: number
): { chosen: Set<C>; fillTimes: number[] } {
  const chosen = new Set<C>()
  const fillTimes: number[] = []
  let cursor = 0
  let first = true
  while (first || cursor + maxGap < durationS) {
    const limit = cursor + maxGap
    const inWindow = sorted.filter((c) => (first ? c.t >= cursor : c.t > cursor) && c.t <= limit)
    // A cut is a frame the budget wants anyway; otherwise the latest frame reaches furthest, so
    // the skeleton takes as few frames as coverage allows and leaves the rest for cuts.
    const pick = [...inWindow].reverse().find((c) => (novelty.get(c) ?? 0) >= CUT_BITS) ?? inWindow.at(-1)
    if (pick) {
      chosen.add(pick)
      cursor = pick.t
    } else {
      const fill = Math.min(limit * 0.999, Math.max(0, durationS - 0.05))
      if (fill <= cursor) break
      fillTimes.push(fill)
      cursor = fill
    }
    first = false
  }
  return { chosen, fillTimes }
}

/**
 * Spends what is left of the budget on the widest gaps: the freshest decoded frame near the middle
 * of one, or, where a wide gap holds no decoded frame at all (a long take inside one GOP), a new
 * frame from its middle. Gaps whose only frames repeat their neighbours stay as they are, and so
 * do empty gaps between two chosen frames that show the same picture or one continuous stretch:
 * a frame read from between them would repeat them, or only show the way from one to the other.
 */
function fillWidestGaps<C extends FrameCandidate>(
  sorted: C[],
  picks: { chosen: Set<C>; fillTimes: number[] },
  span: { durationS: number; maxGap: number; continuous: (start: number, end: number) => boolean },
  budget: () => number
): void {
  const { chosen, fillTimes } = picks
  while (budget() > 0) {
    const picked = sorted.filter((c) => chosen.has(c))
    const edges = [0, ...picked.map((c) => c.t), ...fillTimes, span.durationS].sort((a, b) => a - b)
    const gaps = edges.slice(1).map((end, i) => ({ start: edges[i] as number, end }))
    gaps.sort((a, b) => b.end - b.start - (a.end - a.start))
    const pick = gaps
      .map((gap) => closestFreshCandidate(sorted, chosen, picked, gap))
      .find((c) => c !== undefined)
    if (pick) {
      chosen.add(pick)
      continue
    }
    const empty = gaps.find(
      (gap) =>
        gap.end - gap.start > Math.max(span.maxGap / 2, 2 * SAME_MOMENT_S) &&
        !sorted.some((c) => c.t > gap.start && c.t < gap.end) &&
        !samePictureAtEnds(picked, gap) &&
        !span.continuous(gap.start, gap.end)
    )
    if (!empty) return
    fillTimes.push((empty.start + empty.end) / 2)
  }
}

function samePictureAtEnds<C extends FrameCandidate>(
  picked: C[],
  gap: { start: number; end: number }
): boolean {
  const before = picked.find((c) => c.t === gap.start)
  const after = picked.find((c) => c.t === gap.end)
  return (
    before !== undefined &&
    after !== undefined &&
    pictureDistance(before.signature, after.signature) <= DUPLICATE_BITS
  )
}

function closestFreshCandidate<C extends FrameCandidate>(
  sorted: C[],
  chosen: Set<C>,
  picked: C[],
  gap: { start: number; end: number }
): C | undefined {
  const middle = (gap.start + gap.end) / 2
  const inside = sorted.filter((c) => !chosen.has(c) && c.t > gap.start && c.t < gap.end)
  inside.sort((a, b) => Math.abs(a.t - middle) - Math.abs(b.t - middle))
  return inside.find((c) => !duplicatesNeighbour(c, picked))
}

function duplicatesNeighbour<C extends FrameCandidate>(candidate: C, picked: C[]): boolean {
  const before = [...picked].reverse().find((c) => c.t < candidate.t)
  const after = picked.find((c) => c.t > candidate.t)
  return [before, after].some(
    (n) => n !== undefined && pictureDistance(n.signature, candidate.signature) <= DUPLICATE_BITS
  )
}

/** Largest distance between consecutive chosen times, counting the start and end of the video. */
export function largestGap(times: readonly number[], durationS: number): number {
  const edges = [0, ...[...times].sort((a, b) => a - b), durationS]
  return Math.max(...edges.slice(1).map((t, i) => t - (edges[i] as number)))
}
