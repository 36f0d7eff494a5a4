import type { KeyframeIndex } from './keyframe-index'

const WINDOW = 15
const SPIKE_FACTOR = 3
const LOCAL_MAX_RADIUS = 4

export interface SizeSpike {
  t: number
  /** Index of the packet in decode order. */
  packet: number
  /**
   * Packet size over the 75th percentile of its neighbours (the percentile skips the tiny B-frames,
   * so P-frames are the baseline).
   */
  ratio: number
  size: number
}

/**
 * Non-keyframe packets much larger than their neighbours: an encoder that did not place a keyframe
 * at a cut still has to code the new picture mostly from scratch. Sorted by time.
 */
export function findSizeSpikes(index: KeyframeIndex): SizeSpike[] {
  const spikes: SizeSpike[] = []
  for (let i = 0; i < index.count; i += 1) {
    if (index.keyframe[i]) continue
    // The local-maximum test is cheap and rules out most packets before the sort-based one.
    if (!isLocalMax(index.sizes, i, index.count)) continue
    const size = index.sizes[i] as number
    const typical = windowPercentile(index.sizes, i, WINDOW, index.count, 0.75)
    if (typical === 0 || size < SPIKE_FACTOR * typical) continue
    spikes.push({ t: index.times[i] as number, packet: i, ratio: size / typical, size })
  }
  return spikes.sort((a, b) => a.t - b.t)
}

function windowPercentile(sizes: Uint32Array, at: number, radius: number, count: number, q: number): number {
  const values: number[] = []
  for (let j = Math.max(0, at - radius); j <= Math.min(count - 1, at + radius); j += 1) {
    if (j !== at) values.push(sizes[j] as number)
  }
  values.sort((a, b) => a - b)
  return values[Math.floor(values.length * q)] ?? 0
}

function isLocalMax(sizes: Uint32Array, at: number, count: number): boolean {
  const size = sizes[at] as number
  for (let j = Math.max(0, at - LOCAL_MAX_RADIUS); j <= Math.min(count - 1, at + LOCAL_MAX_RADIUS); j += 1) {
    if (j !== at && (sizes[j] as number) > size) return false
  }
  return true
}

/** GOPs longer than this are searched for cuts even without a size spike. */
const LONG_GOP_S = 2.5
/** A packet at least this share of a keyframe's size may be a new picture coded from scratch. */
const FROM_SCRATCH_SHARE = 0.25

/**
 * Whether the GOP from keyframe packet `first` to the next keyframe packet `next` (or the end of
 * the video, index.count) may hold a cut that `next` does not show in time (before `limit`, stream
 * seconds). A short GOP: when a packet in it is a size spike. A long one: when a packet in it is
 * big enough to be a new picture coded from scratch (a quarter of the smaller keyframe). With none,
 * the picture changes at `next` itself (the encoder put its keyframe at the cut) and decoding the
 * GOP would find nothing (docs/adr/010-fast-start.md).
 */
export function gopMayHoldCut(
  index: KeyframeIndex,
  gop: { first: number; next: number; limit: number },
  spikes: readonly SizeSpike[]
): boolean {
  const closing = gop.next < index.count
  const from = index.times[gop.first] as number
  const to = closing ? (index.times[gop.next] as number) : (index.ptsSorted.at(-1) ?? from)
  if (to - from <= LONG_GOP_S) return spikes.some((s) => s.t > from && s.t <= gop.limit)
  const smaller = Math.min(
    index.sizes[gop.first] as number,
    closing ? (index.sizes[gop.next] as number) : Infinity
  )
  const scratch = FROM_SCRATCH_SHARE * smaller
  for (let i = gop.first + 1; i < gop.next; i += 1) {
    if ((index.times[i] as number) <= gop.limit && (index.sizes[i] as number) >= scratch) return true
  }
  return false
}

/**
 * Whether two player times are neighbouring keyframes (or the last keyframe and the end) with
 * nothing coded from scratch between them (gopMayHoldCut over the whole GOP): one continuous
 * stretch of one shot.
 */
export function continuousStretches(
  index: KeyframeIndex,
  clock: { startTime: number; durationS: number },
  spikes: readonly SizeSpike[]
): (start: number, end: number) => boolean {
  const keys: number[] = []
  for (let i = 0; i < index.count; i += 1) if (index.keyframe[i]) keys.push(i)
  keys.sort((a, b) => (index.times[a] as number) - (index.times[b] as number))
  const playerTime = (packet: number): string =>
    ((index.times[packet] as number) - clock.startTime).toFixed(3)
  const at = new Map(keys.map((packet, i) => [playerTime(packet), i]))
  return (start, end) => {
    const i = at.get(start.toFixed(3)) ?? -1
    const [first, next] = [keys[i], keys[i + 1]]
    const toEnd = next === undefined && Math.abs(end - clock.durationS) < 0.001
    if (first === undefined || (!toEnd && (next === undefined || at.get(end.toFixed(3)) !== i + 1)))
      return false
    const limit = next === undefined ? Infinity : (index.times[next] as number)
    return !gopMayHoldCut(index, { first, next: next ?? index.count, limit }, spikes)
  }
}

export type KeyframeStrategy = 'keyframes' | 'keyframes+scenes' | 'seek' | 'single-pass'

export interface StrategyPlan {
  strategy: Exclude<KeyframeStrategy, 'keyframes+scenes'>
  reason: string
}

export interface VideoShape {
  durationS: number
  width: number
  height: number
  maxFrames: number
}

// Rough costs on one core, in milliseconds; only their ratios matter.
const MS_PER_MEGAPIXEL_FRAME = 0.8
const MS_PER_MEGAPIXEL_KEYFRAME = 4
const MS_PER_PROCESS = 60

/**
 * Decode as little as possible, by an estimate of each plan's cost: keyframes only (plus the frames
 * at cuts inside GOPs), seeks to a sample of keyframes when they are dense (all-intra), or one
 * sampling pass over every frame when keyframes are too sparse or the video is small.
 */
export function planStrategy(
  index: KeyframeIndex,
  shape: VideoShape,
  spikes: readonly SizeSpike[]
): StrategyPlan {
  const keyframes = index.keyframeTimes.length
  const mp = (shape.width * shape.height) / 1e6
  const frameMs = MS_PER_MEGAPIXEL_FRAME * mp
  const spacing = shape.durationS / shape.maxFrames
  const meanGopS = shape.durationS / Math.max(1, keyframes)
  const framesPerS = index.count / Math.max(0.001, shape.durationS)
  const single = index.count * frameMs * 1.3 + MS_PER_PROCESS
  const seekCount =
    Math.min(spikes.length, keyframes) + Math.max(0, Math.ceil(shape.durationS / (2 * spacing)) - keyframes)
  const keyPass = (keyframes * MS_PER_MEGAPIXEL_KEYFRAME * mp) / 2 + 2 * MS_PER_PROCESS
  const seeks =
    (seekCount * (meanGopS * framesPerS * 0.5 * frameMs)) / 2 + Math.ceil(seekCount / 6) * MS_PER_PROCESS
  const sampled = 2 * shape.maxFrames
  const denseSeek = (sampled * MS_PER_MEGAPIXEL_KEYFRAME * mp) / 2 + Math.ceil(sampled / 6) * MS_PER_PROCESS
  const estimate = `est. ${Math.round(keyPass + seeks)} ms keyframes, ${Math.round(single)} ms one pass`
  if (keyframes > 4 * sampled && denseSeek < Math.min(single, keyPass)) {
    return { strategy: 'seek', reason: `${keyframes} keyframes (dense): seeking to ${sampled} of them` }
  }
  if (keyframes <= 1 || single < keyPass + seeks) {
    return {
      strategy: 'single-pass',
      reason: `${keyframes} keyframe(s), mean GOP ${meanGopS.toFixed(1)} s; ${estimate}`
    }
  }
  return {
    strategy: 'keyframes',
    reason: `${keyframes} keyframes, mean GOP ${meanGopS.toFixed(1)} s; ${estimate}`
  }
}

/** Evenly spread sample of sorted times (always includes the first). */
export function sampleEvenly(times: readonly number[], count: number): number[] {
  if (times.length <= count) return [...times]
  const out: number[] = []
  for (let i = 0; i < count; i += 1) out.push(times[Math.floor((i * times.length) / count)] as number)
  return out
}
