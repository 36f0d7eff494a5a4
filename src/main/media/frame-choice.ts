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
 * Picks at most `maxFrames`: first a skeleton so no gap exceeds twice the even spacing (coverage
 * comes first), then scene changes by strength, then the frame nearest the middle of the widest gap
 * while skipping near-duplicates, so a still shot does not use up the budget
 * (docs/adr/005-keyframe-selection.md).
 */
export function chooseFrames<C extends FrameCandidate>(
  candidates: readonly C[],
  options: { durationS: number; maxFrames: number }
): FrameChoice<C> {
  const sorted = [...candidates].sort((a, b) => a.t - b.t)
  const novelty = new Map<C, number>(
    sorted.map((c, i) => [c, i === 0 ? 64 : pictureDistance(c.signature, (sorted[i - 1] as C).signature)])
  )
  const maxGap = (2 * options.durationS) / Math.max(1, options.maxFrames)
  const { chosen, fillTimes } = coverSkeleton(sorted, novelty, options.durationS, maxGap)
  const budget = (): number => options.maxFrames - chosen.size - fillTimes.length
  const cuts = sorted.filter((c) => !chosen.has(c) && (novelty.get(c) ?? 0) >= CUT_BITS)
  cuts.sort((a, b) => (novelty.get(b) ?? 0) - (novelty.get(a) ?? 0))
  for (const cut of cuts) {
    if (budget() <= 0) break
    chosen.add(cut)
  }
  fillWidestGaps(sorted, chosen, options.durationS, budget)
  return { chosen: sorted.filter((c) => chosen.has(c)), fillTimes }
}

/**
 * Greedy cover: from each chosen point, the most novel candidate within maxGap (a scene change if
 * there is one, the latest on a tie), or a fill time where the window holds no decoded frame.
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
    const pick = inWindow.reduce<C | undefined>(
      (best, c) => (best === undefined || (novelty.get(c) ?? 0) >= (novelty.get(best) ?? 0) ? c : best),
      undefined
    )
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

function fillWidestGaps<C extends FrameCandidate>(
  sorted: C[],
  chosen: Set<C>,
  durationS: number,
  budget: () => number
): void {
  while (budget() > 0) {
    const picked = sorted.filter((c) => chosen.has(c))
    const edges = [0, ...picked.map((c) => c.t), durationS]
    const gaps = edges.slice(1).map((end, i) => ({ start: edges[i] as number, end }))
    gaps.sort((a, b) => b.end - b.start - (a.end - a.start))
    const pick = gaps
      .map((gap) => closestFreshCandidate(sorted, chosen, picked, gap))
      .find((c) => c !== undefined)
    if (!pick) return
    chosen.add(pick)
  }
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
