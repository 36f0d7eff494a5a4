import { readFile } from 'node:fs/promises'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { lazyModule } from '../../platform/lazy-module'
import { canDropPackets, withTempDir } from '../../platform/ffmpeg/ffmpeg'
import { chooseFrames, CUT_BITS, type FrameReason } from './frame-choice'
import { encodeJpegs, keptPictureKind } from './frame-encode'
import { decodeRanges, decodeRangesParallel, type DecodedFrame, type DecodeRange } from './frame-extract'
import {
  readSource,
  toCandidates,
  type Candidate,
  type KeyframeContext as Ctx,
  type KeyframeSource,
  type KeyframeStage
} from './keyframe-context'
import {
  decodeFillFrames,
  decodeKeyframes,
  gatherFromPackets,
  keyframePackets,
  LATE_CUT_S
} from './keyframe-packets'
import { differenceHash, pictureDistance } from './phash'
import type { ProbeResult } from '../probe'
import {
  continuousStretches,
  findSizeSpikes,
  gopMayHoldCut,
  planStrategy,
  sampleEvenly,
  type KeyframeStrategy,
  type SizeSpike
} from './scene-candidates'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

export interface KeyframeOptions {
  maxFrames: number
  /** Longest side of stored frames, applied inside the ffmpeg filter graph. */
  maxSize?: number
  tmpDir: string
  signal?: AbortSignal
  onProgress?: (stage: KeyframeStage, fraction: number) => void
  /** What is already known about the file (stored at import or by an earlier selection). */
  known?: Partial<KeyframeSource>
}

export interface SelectedFrame {
  /** Seconds from the start of the video, as a player counts them. */
  t: number
  jpeg: Buffer
  width: number
  height: number
  /** 64-bit difference hash, for later near-duplicate checks. */
  hash: bigint
  reason: FrameReason
}

export interface KeyframeResult {
  durationS: number
  strategy: KeyframeStrategy
  strategyReason: string
  frames: SelectedFrame[]
  elapsedMs: number
  /** The probe and index used, for the caller to keep. */
  source: KeyframeSource
}

/** Scene-aware frames within a budget, decoding as little of the video as the file allows. */
export async function selectKeyframes(
  binaries: MediaBinaries,
  file: string,
  options: KeyframeOptions
): Promise<KeyframeResult> {
  const started = Date.now()
  const requested = Math.max(1, Math.floor(options.maxFrames))
  const progress = options.onProgress ?? (() => undefined)
  progress('reading-index', 0)
  void canDropPackets(binaries)
  const source = await readSource(binaries, file, options.known ?? {}, options.signal)
  const { probe, index } = source
  const video = probe.video as NonNullable<ProbeResult['video']>
  if (index.count === 0)
    throw new AppError('MEDIA_DECODE_FAILED', 'No video packets could be read from this file.')
  const durationS = probe.durationS ?? Math.max(0.04, (index.ptsSorted.at(-1) ?? 0) - probe.startTime)
  // A budget over the number of frames would ask for coverage finer than the frames themselves.
  const maxFrames = Math.min(requested, index.count)
  const spikes = findSizeSpikes(index)
  const shape = { durationS, width: video.width, height: video.height, maxFrames }
  const plan = planStrategy(index, shape, spikes)
  return withTempDir(options.tmpDir, async (dir) => {
    const maxSize = options.maxSize ?? 1024
    const keyframes = index.keyframeTimes.length
    const extract = {
      dir,
      maxSize,
      keep: keptPictureKind({ ...video, maxSize, keyframes, maxFrames }),
      signal: options.signal,
      timeoutMs: 120_000 + durationS * 1000
    }
    const ctx: Ctx = {
      binaries,
      file,
      index,
      probe,
      durationS,
      maxFrames,
      extract,
      progress
    }
    const { candidates, strategy, decoding } = await gatherCandidates(ctx, plan.strategy, spikes)
    if (candidates.length === 0)
      throw new AppError('MEDIA_DECODE_FAILED', 'No frame of this video could be decoded.')
    const continuous = continuousStretches(index, { startTime: probe.startTime, durationS }, spikes)
    const choice = chooseFrames(candidates, { durationS, maxFrames, continuous })
    let chosen = choice.chosen
    if (choice.fillTimes.length > 0) {
      progress('filling-gaps', 0.85)
      const fills = await fillFrames(ctx, choice.fillTimes)
      // A seek lands on the next frame, which may be one already chosen.
      const taken = new Set(chosen.map((c) => c.t))
      const fresh = fills.filter((f) => !taken.has(f.t) && taken.add(f.t))
      chosen = [...chosen, ...fresh].sort((a, b) => a.t - b.t).slice(0, maxFrames)
    }
    progress('storing-frames', 0.95)
    const frames = await encodeChosen(ctx, chosen)
    const strategyReason = `${plan.reason}; ${decoding}`
    return { durationS, strategy, strategyReason, frames, elapsedMs: Date.now() - started, source }
  })
}

async function gatherCandidates(
  ctx: Ctx,
  strategy: 'keyframes' | 'seek' | 'single-pass',
  spikes: SizeSpike[]
): Promise<Gathered> {
  if (strategy === 'single-pass') {
    ctx.progress('decoding', 0.1)
    const step = ctx.durationS / Math.max(1, ctx.maxFrames * 2)
    const select = `isnan(prev_selected_t)+gte(t-prev_selected_t,${step.toFixed(3)})+gt(scene,0.3)`
    const [sampled = []] = await decodeRanges(ctx.binaries, ctx.file, [{ select, threads: 0 }], {
      ...ctx.extract,
      onFrame: (n) => ctx.progress('decoding', Math.min(0.8, 0.1 + (0.7 * n) / (2 * ctx.maxFrames)))
    })
    return {
      candidates: toCandidates(ctx, sampled, 'sample'),
      strategy,
      decoding: 'every frame decoded once'
    }
  }
  if (strategy === 'seek') {
    const sample = sampleEvenly(ctx.index.keyframeTimes, ctx.maxFrames * 2)
    return { ...(await sampledKeyframes(ctx, sample)), strategy }
  }
  if (await canDropPackets(ctx.binaries)) {
    const fromPackets = await gatherFromPackets(ctx, spikes).catch(rethrowCancel)
    if (fromPackets) {
      return {
        candidates: fromPackets.candidates,
        strategy: fromPackets.withScenes ? 'keyframes+scenes' : 'keyframes',
        decoding: PACKETS
      }
    }
  }
  const keyframes = toCandidates(ctx, await decodeAllKeyframes(ctx), 'keyframe')
  const scenes = await scenesInsideGops(ctx, keyframes, spikes)
  return {
    candidates: [...keyframes, ...scenes],
    strategy: scenes.length > 0 ? 'keyframes+scenes' : 'keyframes',
    decoding: 'every keyframe, then a seek into each changed GOP'
  }
}

interface Gathered {
  candidates: Candidate[]
  strategy: KeyframeStrategy
  /** How the frames were read, for the strategy's explanation. */
  decoding: string
}

const PACKETS = 'only the chosen packets reach the decoder'

/**
 * Keyframes only, split at a keyframe into two processes so both cores decode (for an ffmpeg that
 * cannot select packets).
 */
async function decodeAllKeyframes(ctx: Ctx): Promise<DecodedFrame[]> {
  const times = ctx.index.keyframeTimes
  const middle = times.length >= 40 ? times[Math.floor(times.length / 2)] : undefined
  const ranges: DecodeRange[] =
    middle === undefined
      ? [{ skip: 'nokey' }]
      : [
          { skip: 'nokey', to: middle - 0.0005 },
          { skip: 'nokey', from: middle }
        ]
  const parts = await decodeRangesParallel(ctx.binaries, ctx.file, ranges, {
    ...ctx.extract,
    batch: 1,
    onFrame: (n) => ctx.progress('decoding-keyframes', 0.05 + (0.6 * n) / ranges.length)
  })
  return parts.flat()
}

/**
 * Where two neighbouring keyframes show different pictures, a cut lies between them. Unless the
 * size index says it sits at the end keyframe (gopMayHoldCut), the GOP's reference frames up to
 * its last second are decoded, and ffmpeg's scene score finds the frame.
 */
async function scenesInsideGops(ctx: Ctx, keyframes: Candidate[], spikes: SizeSpike[]): Promise<Candidate[]> {
  const sorted = [...keyframes].sort((a, b) => a.t - b.t)
  const start = ctx.probe.startTime
  const packetAt = new Map(keyframePackets(ctx).map((k) => [k.t.toFixed(3), k.packet]))
  const spans = sorted.slice(1).flatMap((next, i) => {
    const prev = sorted[i] as Candidate
    if (pictureDistance(prev.signature, next.signature) < CUT_BITS || next.t - prev.t <= LATE_CUT_S) return []
    const from = prev.t + start
    const to = next.t + start - LATE_CUT_S
    const first = packetAt.get(from.toFixed(3))
    const last = packetAt.get((next.t + start).toFixed(3))
    // A keyframe not found in the index (a rounding edge) is searched, as before.
    const search =
      first === undefined ||
      last === undefined ||
      gopMayHoldCut(ctx.index, { first, next: last, limit: to }, spikes)
    return search ? [{ prev, from, to }] : []
  })
  if (spans.length === 0) return []
  ctx.progress('finding-cuts', 0.7)
  const ranges: DecodeRange[] = spans.map((s) => ({
    from: s.from,
    to: s.to,
    skip: 'bidir',
    select: 'gt(scene,0.2)'
  }))
  const decoded = await decodeRangesParallel(ctx.binaries, ctx.file, ranges, ctx.extract)
  // A long GOP can hold several cuts: keep every frame that differs from the picture before it.
  return spans.flatMap((span, i) => {
    let last = span.prev
    return toCandidates(ctx, decoded[i] ?? [], 'scene').filter((frame) => {
      const isCut = pictureDistance(last.signature, frame.signature) >= CUT_BITS
      if (isCut) last = frame
      return isCut
    })
  })
}

/** Keyframes at these stream times: chosen packets where ffmpeg can, else one seek each. */
async function sampledKeyframes(ctx: Ctx, times: number[]): Promise<Omit<Gathered, 'strategy'>> {
  if (await canDropPackets(ctx.binaries)) {
    const wanted = new Set(times)
    const keys = keyframePackets(ctx).filter((k) => wanted.has(k.t))
    const decoded = await decodeKeyframes(ctx, keys).catch(rethrowCancel)
    if (decoded) return { candidates: decoded, decoding: PACKETS }
  }
  const frames = await seek(
    ctx,
    times.map((t) => t - ctx.probe.startTime)
  )
  return { candidates: toCandidates(ctx, frames, 'keyframe'), decoding: 'one seek per keyframe' }
}

/** Frames for gaps no decoded frame covers: chosen packets where ffmpeg can, else one seek each. */
async function fillFrames(ctx: Ctx, times: number[]): Promise<Candidate[]> {
  if (await canDropPackets(ctx.binaries)) {
    const decoded = await decodeFillFrames(ctx, times).catch(rethrowCancel)
    if (decoded) return decoded
  }
  return toCandidates(ctx, await seek(ctx, times), 'fill')
}

/** A packet-selection failure falls back to the slower way; cancelling does not. */
function rethrowCancel(error: unknown): null {
  if (error instanceof AppError && error.code === 'CANCELLED') throw error
  return null
}

/** Frames at player times (seconds from the start), by input seeking. */
async function seek(ctx: Ctx, times: number[]): Promise<DecodedFrame[]> {
  const start = ctx.probe.startTime
  const ranges = times.map((t) => ({ from: t + start - 0.0005, frames: 1 }))
  return (await decodeRangesParallel(ctx.binaries, ctx.file, ranges, ctx.extract)).flat()
}

/** JPEGs of the chosen frames only; a frame whose picture was lost (a damaged stream) is dropped. */
async function encodeChosen(ctx: Ctx, chosen: Candidate[]): Promise<SelectedFrame[]> {
  const jpegs = await encodeJpegs(
    ctx.binaries,
    chosen.map((c) => c.picture),
    ctx.extract
  )
  const frames = await Promise.all(
    chosen.map((candidate, i) => {
      const jpeg = jpegs[i]
      return jpeg ? toSelected(candidate, jpeg) : null
    })
  )
  const encoded = frames.filter((f): f is SelectedFrame => f !== null)
  if (encoded.length === 0 && chosen.length > 0)
    throw new AppError('MEDIA_DECODE_FAILED', 'No chosen frame of this video could be written as a JPEG.')
  return encoded
}

async function toSelected(candidate: Candidate, file: string): Promise<SelectedFrame> {
  const jpeg = await readFile(file)
  const meta = await sharp()(jpeg).metadata()
  return {
    t: candidate.t,
    jpeg,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    hash: differenceHash(candidate.signature),
    reason: candidate.reason
  }
}
