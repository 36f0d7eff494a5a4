import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from './binaries'
import { withTempDir } from './ffmpeg'
import { chooseFrames, CUT_BITS, type FrameCandidate, type FrameReason } from './frame-choice'
import {
  decodeAt,
  decodeKeyframes,
  decodeSampled,
  type DecodedFrame,
  type ExtractOptions
} from './frame-extract'
import { ptsAtOrAfter, readKeyframeIndex, type KeyframeIndex } from './keyframe-index'
import { differenceHash, pictureDistance } from './phash'
import { probeMedia, type ProbeResult } from './probe'
import {
  findSizeSpikes,
  planStrategy,
  sampleEvenly,
  spikesInSpans,
  type KeyframeStrategy,
  type SizeSpike
} from './scene-candidates'

export interface KeyframeOptions {
  maxFrames: number
  /** Longest side of stored frames, applied inside the ffmpeg filter graph. */
  maxSize?: number
  tmpDir: string
  signal?: AbortSignal
  onProgress?: (stage: string, fraction: number) => void
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
}

interface Candidate extends FrameCandidate {
  file: string
}

interface Ctx {
  binaries: MediaBinaries
  file: string
  index: KeyframeIndex
  probe: ProbeResult
  durationS: number
  maxFrames: number
  extract: ExtractOptions
  progress: (stage: string, fraction: number) => void
}

/** Scene-aware frames within a budget, decoding as little of the video as the file allows. */
export async function selectKeyframes(
  binaries: MediaBinaries,
  file: string,
  options: KeyframeOptions
): Promise<KeyframeResult> {
  const started = Date.now()
  const maxFrames = Math.max(1, Math.floor(options.maxFrames))
  const progress = options.onProgress ?? (() => undefined)
  progress('reading keyframe index', 0)
  // The container header and the packet index are read at the same time.
  const indexing = readKeyframeIndex(binaries, file, { signal: options.signal })
  indexing.catch(() => undefined)
  const probe = await probeMedia(binaries, file, { signal: options.signal }).catch(async (error: unknown) => {
    await indexing.catch(() => undefined)
    throw error
  })
  if (!probe.video) {
    await indexing.catch(() => undefined)
    throw new AppError('MEDIA_NO_VIDEO', 'This file has no video stream, so it has no frames to select.')
  }
  const index = await indexing
  if (index.count === 0)
    throw new AppError('MEDIA_DECODE_FAILED', 'No video packets could be read from this file.')
  const durationS = probe.durationS ?? Math.max(0.04, (index.ptsSorted.at(-1) ?? 0) - probe.startTime)
  const spikes = findSizeSpikes(index)
  const plan = planStrategy(
    index,
    { durationS, width: probe.video.width, height: probe.video.height, maxFrames },
    spikes
  )
  return withTempDir(options.tmpDir, async (dir) => {
    const extract = {
      dir,
      maxSize: options.maxSize ?? 1024,
      signal: options.signal,
      timeoutMs: 120_000 + durationS * 1000
    }
    const ctx: Ctx = { binaries, file, index, probe, durationS, maxFrames, extract, progress }
    const { candidates, strategy } = await gatherCandidates(ctx, plan.strategy, spikes)
    if (candidates.length === 0)
      throw new AppError('MEDIA_DECODE_FAILED', 'No frame of this video could be decoded.')
    const choice = chooseFrames(candidates, { durationS, maxFrames })
    let chosen = choice.chosen
    if (choice.fillTimes.length > 0) {
      progress('filling gaps', 0.85)
      const fills = toCandidates(ctx, await seek(ctx, choice.fillTimes), 'fill')
      chosen = [...chosen, ...fills].sort((a, b) => a.t - b.t).slice(0, maxFrames)
    }
    progress('storing frames', 0.95)
    const frames = await Promise.all(chosen.map(toSelected))
    return { durationS, strategy, strategyReason: plan.reason, frames, elapsedMs: Date.now() - started }
  })
}

async function gatherCandidates(
  ctx: Ctx,
  strategy: 'keyframes' | 'seek' | 'single-pass',
  spikes: SizeSpike[]
): Promise<{ candidates: Candidate[]; strategy: KeyframeStrategy }> {
  if (strategy === 'single-pass') {
    ctx.progress('decoding', 0.1)
    const step = ctx.durationS / Math.max(1, ctx.maxFrames * 2)
    const sampled = await decodeSampled(ctx.binaries, ctx.file, step, {
      ...ctx.extract,
      onFrame: (n) => ctx.progress('decoding', Math.min(0.8, 0.1 + (0.7 * n) / (2 * ctx.maxFrames)))
    })
    return { candidates: toCandidates(ctx, sampled, 'sample'), strategy }
  }
  if (strategy === 'seek') {
    const sample = sampleEvenly(ctx.index.keyframeTimes, ctx.maxFrames * 2)
    return {
      candidates: toCandidates(
        ctx,
        await seek(
          ctx,
          sample.map((t) => t - ctx.probe.startTime)
        ),
        'keyframe'
      ),
      strategy
    }
  }
  const times = ctx.index.keyframeTimes
  const keyframes = await decodeKeyframes(ctx.binaries, ctx.file, times, {
    ...ctx.extract,
    parts: 2,
    onFrame: (n) => ctx.progress('decoding keyframes', 0.05 + (0.6 * n) / Math.max(1, times.length))
  })
  const candidates = toCandidates(ctx, keyframes, 'keyframe')
  const scenes = await scenesInsideGops(ctx, candidates, spikes)
  return {
    candidates: [...candidates, ...scenes],
    strategy: scenes.length > 0 ? 'keyframes+scenes' : 'keyframes'
  }
}

/**
 * Where two neighbouring keyframes show different pictures, a cut lies between them; when a packet
 * size spike sits inside that GOP the cut is there, and only that frame is decoded.
 */
async function scenesInsideGops(ctx: Ctx, keyframes: Candidate[], spikes: SizeSpike[]): Promise<Candidate[]> {
  const sorted = [...keyframes].sort((a, b) => a.t - b.t)
  const start = ctx.probe.startTime
  const changed = sorted.slice(1).flatMap((next, i) => {
    const prev = sorted[i] as Candidate
    return pictureDistance(prev.signature, next.signature) >= CUT_BITS
      ? [{ from: prev.t + start, to: next.t + start, prev }]
      : []
  })
  const targets = spikesInSpans(spikes, changed)
  if (targets.length === 0) return []
  ctx.progress('finding cuts inside GOPs', 0.7)
  const decoded = toCandidates(
    ctx,
    await seek(
      ctx,
      targets.map((t) => t - start),
      true
    ),
    'scene'
  )
  return decoded.filter((frame) => {
    const span = changed.find((c) => frame.t + start > c.from && frame.t + start < c.to)
    return span !== undefined && pictureDistance(span.prev.signature, frame.signature) >= CUT_BITS
  })
}

/** Frames at player times (seconds from the start), by input seeking. */
function seek(ctx: Ctx, times: number[], referenceFramesOnly = false): Promise<DecodedFrame[]> {
  const start = ctx.probe.startTime
  return decodeAt(
    ctx.binaries,
    ctx.file,
    times.map((t) => t + start),
    (t) => ptsAtOrAfter(ctx.index, t),
    {
      ...ctx.extract,
      referenceFramesOnly
    }
  )
}

function toCandidates(ctx: Ctx, frames: DecodedFrame[], reason: FrameReason): Candidate[] {
  return frames.map((f) => ({
    t: Math.max(0, f.pts - ctx.probe.startTime),
    signature: f.signature,
    reason,
    file: f.file
  }))
}

async function toSelected(candidate: Candidate): Promise<SelectedFrame> {
  const jpeg = await readFile(candidate.file)
  const meta = await sharp(jpeg).metadata()
  return {
    t: candidate.t,
    jpeg,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    hash: differenceHash(candidate.signature),
    reason: candidate.reason
  }
}
