import { AppError } from '@shared/errors'
import { ivfFeed, type FeedPacket } from './avc-feed'
import { CUT_BITS } from './frame-choice'
import { decodePackets, type DecodedFrame, type DecodeRange, type PacketSelection } from './frame-extract'
import { toCandidates, type Candidate, type KeyframeContext } from './keyframe-context'
import { pictureDistance } from './phash'
import { gopMayHoldCut, type SizeSpike } from './scene-candidates'

/** A cut in the last 0.9 s of a GOP is shown by the next keyframe, at most 0.9 s later. */
export const LATE_CUT_S = 0.9
/**
 * Frames that differ from the decoded frame before them; keyframes were decoded already. The
 * scene score weighs a frame against the change before it, which for the first frame after a
 * keyframe belongs to another stretch of the video, so that frame is always kept (register 0
 * remembers that a keyframe just passed) and judged by its signature instead.
 */
const SCENE_SELECT = 'if(key,st(0,1)*0,if(ld(0),st(0,0)+1,gt(scene,0.2)))'
/** Below this many keyframes one process does it all; above, each core takes half the video. */
const SPLIT_FROM_KEYFRAMES = 20

/** Inclusive run of packets by their index in decode order; starts at a keyframe. */
interface PacketRun {
  first: number
  last: number
}

/** A keyframe by its packet (decode order) and presentation time on the stream's clock. */
export interface Key {
  packet: number
  t: number
}

/**
 * Keyframe selection that decodes only chosen packets, each pass one read of the file
 * (docs/adr/007-packet-selected-decoding.md):
 * 1. every 2nd or 4th keyframe where keyframes are dense enough (all of them otherwise), each
 *    half of the video on its own core;
 * 2. the keyframes skipped between two that show different pictures, halving each such stretch
 *    until the two are neighbours;
 * 3. between neighbouring keyframes that differ, the GOP's reference frames up to its last
 *    second, where ffmpeg's scene score finds a cut that is not on a keyframe; these GOPs are
 *    shared out between the cores by their size.
 */
export async function gatherFromPackets(
  ctx: KeyframeContext,
  spikes: readonly SizeSpike[]
): Promise<{ candidates: Candidate[]; withScenes: boolean }> {
  const keys = keyframePackets(ctx)
  const stride = coarseStride(ctx, keys.length)
  const coarse = keys.filter((_, i) => i % stride === 0 || i === keys.length - 1)
  // The second half also starts with the last keyframe of the first, so the change between
  // the two halves is seen.
  const [first = [], second] = splitInHalves(ctx, coarse)
  const parts = second ? [first, [first.at(-1) as Key, ...second]] : [first]
  const done = parts.map(() => 0)
  const found = await Promise.all(
    parts.map((part, i) =>
      findChangedKeyframes(ctx, keys, part, (fraction) => {
        done[i] = fraction
        ctx.progress('decoding-keyframes', 0.05 + (0.6 * done.reduce((a, b) => a + b, 0)) / done.length)
      })
    )
  )
  const seen = new Set<number>()
  const keyframes = found
    .flat()
    .filter((k) => !seen.has(k.t) && seen.add(k.t))
    .sort((a, b) => a.t - b.t)
  const scenes = await findCutsInsideGops(ctx, { keys, keyframes, spikes })
  return { candidates: [...keyframes, ...scenes], withScenes: scenes.length > 0 }
}

/** Pass 3: the GOPs between changed neighbours, shared out between the cores by their size. */
async function findCutsInsideGops(
  ctx: KeyframeContext,
  found: { keys: Key[]; keyframes: Candidate[]; spikes: readonly SizeSpike[] }
): Promise<Candidate[]> {
  const { keys, keyframes, spikes } = found
  const spans = changedPairs(keyframes).flatMap((pair) => {
    const inside = keysBetween(ctx, keys, pair)
    return inside.slice(1).flatMap((next, g) => gopRun(ctx, inside[g] as Key, next, spikes) ?? [])
  })
  if (spans.length === 0) return []
  ctx.progress('finding-cuts', 0.65)
  const groups = splitRunsByBytes(ctx, spans)
  let finished = 0
  const decoded = await Promise.all(
    groups.map(async (group) => {
      const frames = await decodeRuns(ctx, group, { skip: 'bidir', select: SCENE_SELECT })
      ctx.progress('finding-cuts', 0.65 + (0.15 * (finished += 1)) / groups.length)
      return frames
    })
  )
  const keyTimes = new Set(keys.map((k) => k.t))
  const changes = decoded.flat().filter((f) => !keyTimes.has(f.pts))
  return cutsAfterKeyframes(keyframes, toCandidates(ctx, changes, 'scene'))
}

/** Decodes the given keyframes only (a sample of an all-intra video), half per core. */
export async function decodeKeyframes(ctx: KeyframeContext, wanted: readonly Key[]): Promise<Candidate[]> {
  const parts = splitInHalves(
    ctx,
    [...wanted].sort((a, b) => a.t - b.t)
  )
  const frames = await Promise.all(parts.map((part) => decodeRuns(ctx, part.map(single), {})))
  return toCandidates(ctx, frames.flat(), 'keyframe')
}

/** How far after a fill time the frame that fills it may fall (reference frames only are decoded). */
const FILL_REACH_S = 0.5

/**
 * A frame at or just after each player time, for gaps no decoded frame covers: from the keyframe
 * before each time, the reference frames up to it, all in one read per core.
 */
export async function decodeFillFrames(ctx: KeyframeContext, times: readonly number[]): Promise<Candidate[]> {
  const latestFirst = keyframePackets(ctx).reverse()
  const start = ctx.probe.startTime
  const wanted = times
    .map((t) => ({ at: t + start, key: latestFirst.find((k) => k.t <= t + start + 0.0005) }))
    .filter((w): w is { at: number; key: Key } => w.key !== undefined)
  if (wanted.length === 0) return []
  const runs = wanted.map(({ at, key }) => ({
    first: key.packet,
    last: lastPacketBefore(ctx, key.packet, at + FILL_REACH_S)
  }))
  // The first reference frame in the half second from each time (none selected since it began).
  const select = wanted
    .map(({ at }) => {
      const from = at.toFixed(4)
      return `between(t,${from},${(at + FILL_REACH_S).toFixed(4)})*(isnan(prev_selected_t)+lt(prev_selected_t,${from}))`
    })
    .join('+')
  const groups = splitRunsByBytes(ctx, runs)
  const decoded = (
    await Promise.all(groups.map((group) => decodeRuns(ctx, group, { skip: 'bidir', select })))
  ).flat()
  const picked = wanted.flatMap(
    ({ at }) => decoded.find((f) => f.pts >= at - 0.0005 && f.pts <= at + FILL_REACH_S) ?? []
  )
  return toCandidates(ctx, [...new Set(picked)], 'fill')
}

/** The last packet in decode order, from a keyframe on, that is shown no later than `until`. */
function lastPacketBefore(ctx: KeyframeContext, first: number, until: number): number {
  let last = first
  for (let i = first + 1; i < ctx.index.count && !ctx.index.keyframe[i]; i += 1) {
    if ((ctx.index.times[i] as number) <= until) last = i
  }
  return last
}

export function keyframePackets(ctx: KeyframeContext): Key[] {
  const keys: Key[] = []
  const { index } = ctx
  for (let i = 0; i < index.count; i += 1) {
    if (index.keyframe[i]) keys.push({ packet: i, t: index.times[i] as number })
  }
  return keys.sort((a, b) => a.t - b.t)
}

/**
 * Passes 1 and 2 over one stretch: its coarse keyframes, then the middle keyframe of every
 * changed stretch until changed neighbours are adjacent (log2(stride) rounds).
 */
async function findChangedKeyframes(
  ctx: KeyframeContext,
  keys: Key[],
  coarse: Key[],
  report: (fraction: number) => void
): Promise<Candidate[]> {
  const coarseFrames = await decodeRuns(ctx, coarse.map(single), {}, (n) => report((0.8 * n) / coarse.length))
  assertAligned(coarse, coarseFrames)
  let keyframes = toCandidates(ctx, coarseFrames, 'keyframe').sort((a, b) => a.t - b.t)
  for (let round = 1; ; round += 1) {
    const middles = changedPairs(keyframes).flatMap((pair) => middleKey(keysBetween(ctx, keys, pair)))
    if (middles.length === 0) break
    const more = await decodeRuns(ctx, middles.map(single), {})
    keyframes = [...keyframes, ...toCandidates(ctx, more, 'keyframe')].sort((a, b) => a.t - b.t)
    report(Math.min(0.95, 0.8 + 0.08 * round))
  }
  report(1)
  return keyframes
}

/** The keyframe halfway between the ends of a stretch, when there is one between them. */
function middleKey(stretch: Key[]): Key[] {
  return stretch.length > 2 ? [stretch[Math.floor((stretch.length - 1) / 2)] as Key] : []
}

/**
 * Every 2nd or 4th keyframe is enough to notice a change while they still sit well inside the
 * spacing the budget asks for; the keyframes skipped are decoded only where the picture changed.
 */
function coarseStride(ctx: KeyframeContext, keyframes: number): number {
  if (keyframes < 40) return 1
  const meanGopS = ctx.durationS / keyframes
  const maxGapS = (2 * ctx.durationS) / ctx.maxFrames
  const fits = Math.floor(maxGapS / 2 / meanGopS)
  return fits >= 4 ? 4 : fits >= 2 ? 2 : 1
}

/** Two stretches with about the same number of keyframe bytes (decoding time follows the bytes). */
function splitInHalves(ctx: KeyframeContext, sorted: Key[]): Key[][] {
  if (sorted.length < SPLIT_FROM_KEYFRAMES) return [sorted]
  return splitByBytes(sorted, (k) => ctx.index.sizes[k.packet] as number, 2)
}

/** Runs shared between processes so each decodes about the same number of bytes. */
function splitRunsByBytes(ctx: KeyframeContext, runs: PacketRun[]): PacketRun[][] {
  const sorted = [...runs].sort((a, b) => a.first - b.first)
  // Only reference frames are decoded (B-frames are skipped): one that shows after every packet
  // before it in decode order is a reference.
  const bytes = (r: PacketRun): number => {
    let sum = 0
    let latest = Number.NEGATIVE_INFINITY
    for (let i = r.first; i <= r.last; i += 1) {
      const t = ctx.index.times[i] as number
      if (t > latest) sum += ctx.index.sizes[i] as number
      latest = Math.max(latest, t)
    }
    return sum
  }
  return sorted.length < 4 ? [sorted] : splitByBytes(sorted, bytes, 2)
}

/** Consecutive groups of about equal weight, none empty. */
function splitByBytes<T>(items: T[], weight: (item: T) => number, parts: number): T[][] {
  const weights = items.map(weight)
  const total = weights.reduce((a, b) => a + b, 0)
  const groups: T[][] = [[]]
  let sum = 0
  items.forEach((item, i) => {
    const current = groups.at(-1) as T[]
    if (current.length > 0 && sum >= (total * groups.length) / parts && groups.length < parts)
      groups.push([item])
    else current.push(item)
    sum += weights[i] as number
  })
  return groups
}

function single(key: Key): PacketRun {
  return { first: key.packet, last: key.packet }
}

/** Frames must land on the keyframes asked for; otherwise this file is read the other way. */
function assertAligned(wanted: Key[], frames: DecodedFrame[]): void {
  const times = new Set(wanted.map((k) => k.t.toFixed(3)))
  const matched = frames.filter((f) => times.has(f.pts.toFixed(3))).length
  if (wanted.length > 0 && matched < 0.9 * wanted.length) {
    throw new AppError(
      'MEDIA_DECODE_FAILED',
      `Packet selection returned ${matched} of ${wanted.length} keyframes.`
    )
  }
}

/** Neighbouring decoded keyframes whose pictures differ: a cut lies between them. */
function changedPairs(sorted: Candidate[]): [Candidate, Candidate][] {
  return sorted
    .slice(1)
    .map((next, i) => [sorted[i] as Candidate, next] as [Candidate, Candidate])
    .filter(([prev, next]) => pictureDistance(prev.signature, next.signature) >= CUT_BITS)
}

/** The keyframes from one decoded keyframe to another, both included. */
function keysBetween(ctx: KeyframeContext, keys: Key[], [prev, next]: [Candidate, Candidate]): Key[] {
  const start = ctx.probe.startTime
  return keys.filter((k) => k.t >= prev.t + start - 0.0005 && k.t <= next.t + start + 0.0005)
}

/**
 * The reference frames of a GOP that can hold a cut the next keyframe does not show in time (all
 * but its last 0.9 s), when its packet sizes say it may hold one (gopMayHoldCut).
 */
function gopRun(ctx: KeyframeContext, key: Key, next: Key, spikes: readonly SizeSpike[]): PacketRun | null {
  const limit = next.t - LATE_CUT_S
  if (limit <= key.t) return null
  if (!gopMayHoldCut(ctx.index, { first: key.packet, next: next.packet, limit }, spikes)) return null
  let last = key.packet
  for (let i = key.packet + 1; i < next.packet; i += 1) {
    if ((ctx.index.times[i] as number) <= limit) last = i
  }
  return { first: key.packet, last }
}

/** Keeps a scene frame only when it differs from the keyframe or cut just before it. */
function cutsAfterKeyframes(keys: Candidate[], scenes: Candidate[]): Candidate[] {
  const kept: Candidate[] = []
  let lastKey: Candidate | undefined
  let k = 0
  for (const frame of scenes.sort((a, b) => a.t - b.t)) {
    while (k < keys.length && (keys[k] as Candidate).t <= frame.t) lastKey = keys[k++]
    const lastCut = kept.at(-1)
    const before = lastCut && (!lastKey || lastCut.t > lastKey.t) ? lastCut : lastKey
    if (!before || pictureDistance(before.signature, frame.signature) >= CUT_BITS) kept.push(frame)
  }
  return kept
}

/** One read of the file that decodes exactly these runs of packets. */
async function decodeRuns(
  ctx: KeyframeContext,
  runs: PacketRun[],
  options: Pick<DecodeRange, 'skip' | 'select'>,
  onFrame?: (count: number) => void
): Promise<DecodedFrame[]> {
  const frames = await decodePackets(ctx.binaries, ctx.file, toSelection(ctx, runs), {
    ...ctx.extract,
    ...options,
    onFrame,
    rotate: ctx.probe.video?.rotation ?? 0
  })
  return frames.sort((a, b) => a.pts - b.pts)
}

/** Seconds of margin around a process's part of the file, so a seek never lands after it. */
const READ_MARGIN_S = 1

/** Byte offsets of the runs' packets and the stretch of the file that holds them. */
function toSelection(ctx: KeyframeContext, runs: PacketRun[]): PacketSelection {
  const { positions, times } = ctx.index
  let fromS = Number.POSITIVE_INFINITY
  let toS = Number.NEGATIVE_INFINITY
  const byteRanges = [...runs]
    .sort((a, b) => a.first - b.first)
    .map((run): [number, number] => {
      const from = positions[run.first] as number
      const to = positions[run.last] as number
      if (from < 0 || to < from) {
        throw new AppError('MEDIA_DECODE_FAILED', 'This file does not say where its packets are.')
      }
      for (let i = run.first; i <= run.last; i += 1) {
        fromS = Math.min(fromS, times[i] as number)
        toS = Math.max(toS, times[i] as number)
      }
      return [from, to]
    })
  const feed = avcFeed(ctx, runs)
  return { byteRanges, fromS: fromS - READ_MARGIN_S, toS: toS + READ_MARGIN_S, feed }
}

/** For an MP4 with H.264: the runs' packets in decode order, read and fed from here. */
function avcFeed(ctx: KeyframeContext, runs: PacketRun[]): PacketSelection['feed'] {
  const { index } = ctx
  const { avc } = index
  const { video } = ctx.probe
  if (!avc || !video) return undefined
  // Runs may overlap (two fill times in one GOP); each packet goes to the decoder once.
  const chosen = new Set<number>()
  for (const run of runs) for (let i = run.first; i <= run.last; i += 1) chosen.add(i)
  const packets: FeedPacket[] = [...chosen]
    .sort((a, b) => a - b)
    .map((i) => ({
      pos: index.positions[i] as number,
      size: index.sizes[i] as number,
      pts: index.times[i] as number,
      key: index.keyframe[i] === 1
    }))
  return () => ivfFeed(ctx.file, packets, avc, video)
}
