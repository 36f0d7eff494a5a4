import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { forEachLimited } from '@shared/concurrency'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from './binaries'
import { passthroughFrames, runFfmpegSpec, type FfmpegSpec } from './ffmpeg'
import { SIGNATURE_BYTES, type Signature } from './phash'

export interface DecodedFrame {
  /** Presentation time in the stream's own clock (before any start offset is removed). */
  pts: number
  file: string
  signature: Signature
}

export interface ExtractOptions {
  dir: string
  maxSize: number
  signal?: AbortSignal
  timeoutMs: number
  onFrame?: (count: number) => void
}

/** One stretch of the video to decode, as one input of an ffmpeg process. */
export interface DecodeRange {
  /** Input-seek here first (-ss before -i, timestamps kept with -copyts). */
  from?: number
  to?: number
  /** Keep at most this many frames. */
  frames?: number
  /** A select expression; only matching frames are written. */
  select?: string
  /** Decoder shortcuts: keyframes only, or reference frames only without deblocking. */
  skip?: 'nokey' | 'bidir'
}

let runCounter = 0
const SHOWINFO = /Parsed_showinfo_(\d+).*?n:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?[\d.e+-]+)/

/** Chain i: [select →] showinfo → scale → split → (JPEG, 9×8 grey signature). */
function chain(index: number, range: DecodeRange, maxSize: number): { graph: string; showinfoId: number } {
  const select = range.select ? `select='${range.select}',` : ''
  const scale = `scale='min(iw,${maxSize})':'min(ih,${maxSize})':force_original_aspect_ratio=decrease`
  const graph = `[${index}:v:0]${select}showinfo,${scale},split[img${index}][g${index}];[g${index}]scale=9:8:flags=area,format=gray[h${index}]`
  return { graph, showinfoId: select ? 1 : 0 }
}

function inputOptions(range: DecodeRange): string[] {
  const skip =
    range.skip === 'nokey'
      ? ['-skip_frame', 'nokey', '-skip_loop_filter', 'all']
      : range.skip === 'bidir'
        ? ['-skip_frame', 'bidir', '-skip_loop_filter', 'all']
        : []
  const from = range.from !== undefined ? ['-ss', Math.max(0, range.from).toFixed(6), '-copyts'] : []
  const to = range.to !== undefined ? ['-to', range.to.toFixed(6)] : []
  return [...skip, '-threads', '1', ...from, ...to]
}

/**
 * Decodes several ranges of one file in one ffmpeg process (one spawn, one decoder thread each),
 * writing a JPEG and a perceptual signature per kept frame; showinfo gives each frame's true time.
 */
export async function decodeRanges(
  binaries: MediaBinaries,
  file: string,
  ranges: readonly DecodeRange[],
  options: ExtractOptions
): Promise<DecodedFrame[][]> {
  const name = `run${(runCounter += 1)}`
  const chains = ranges.map((range, i) => chain(i, range, options.maxSize))
  // Filters are numbered across the whole graph: chain i starts at 6i (5 without select).
  const offsets: number[] = []
  let position = 0
  for (const c of chains) {
    offsets.push(position + c.showinfoId)
    position += c.showinfoId ? 6 : 5
  }
  const times: number[][] = ranges.map(() => [])
  let seen = 0
  const spec: FfmpegSpec = {
    inputs: ranges.map((range) => ({ path: file, options: inputOptions(range) })),
    globalOptions: ['-filter_complex', chains.map((c) => c.graph).join(';')],
    outputs: ranges.flatMap((range, i) => outputs(binaries, options.dir, `${name}-${i}`, i, range.frames)),
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onStderrLine: (line) => {
      const match = SHOWINFO.exec(line)
      const chainIndex = match ? offsets.indexOf(Number(match[1])) : -1
      if (!match || chainIndex < 0) return
      ;(times[chainIndex] as number[])[Number(match[2])] = Number(match[3])
      options.onFrame?.((seen += 1))
    }
  }
  try {
    await runFfmpegSpec(binaries, spec)
  } catch (error) {
    // A damaged stream can fail late; the frames decoded before that are still good.
    if (seen === 0 || (error instanceof AppError && error.code === 'CANCELLED')) throw error
  }
  return Promise.all(
    ranges.map((range, i) => collect(options.dir, `${name}-${i}`, times[i] as number[], range.frames))
  )
}

function outputs(
  binaries: MediaBinaries,
  dir: string,
  name: string,
  i: number,
  frames?: number
): FfmpegSpec['outputs'] {
  const sync = passthroughFrames(binaries)
  const limit = frames ? ['-frames:v', String(frames)] : []
  return [
    {
      target: join(dir, `${name}_%05d.jpg`),
      options: ['-map', `[img${i}]`, ...sync, ...limit, '-q:v', '3', '-f', 'image2', '-y']
    },
    {
      target: join(dir, `${name}.gray`),
      options: ['-map', `[h${i}]`, ...sync, ...limit, '-f', 'rawvideo', '-y']
    }
  ]
}

async function collect(
  dir: string,
  name: string,
  times: (number | undefined)[],
  limit?: number
): Promise<DecodedFrame[]> {
  const grayFile = join(dir, `${name}.gray`)
  const raw = existsSync(grayFile) ? await readFile(grayFile) : Buffer.alloc(0)
  const frames: DecodedFrame[] = []
  times.slice(0, limit ?? times.length).forEach((pts, n) => {
    const file = join(dir, `${name}_${String(n + 1).padStart(5, '0')}.jpg`)
    const at = n * SIGNATURE_BYTES
    if (pts === undefined || at + SIGNATURE_BYTES > raw.length || !existsSync(file)) return
    frames.push({ pts, file, signature: new Uint8Array(raw.subarray(at, at + SIGNATURE_BYTES)) })
  })
  return frames
}

/** Runs groups of ranges in up to `parallel` processes at once, at most `batch` ranges per process. */
export async function decodeRangesParallel(
  binaries: MediaBinaries,
  file: string,
  ranges: readonly DecodeRange[],
  options: ExtractOptions & { batch?: number; parallel?: number }
): Promise<DecodedFrame[][]> {
  const parallel = options.parallel ?? 2
  const rounds = Math.max(1, Math.ceil(ranges.length / (parallel * (options.batch ?? 6))))
  const size = Math.max(1, Math.ceil(ranges.length / (parallel * rounds)))
  const groups: number[][] = []
  for (let i = 0; i < ranges.length; i += size) groups.push(ranges.slice(i, i + size).map((_, k) => i + k))
  const results: DecodedFrame[][] = ranges.map(() => [])
  let done = 0
  await forEachLimited(groups, parallel, async (group) => {
    const decoded = await decodeRanges(
      binaries,
      file,
      group.map((i) => ranges[i] as DecodeRange),
      { ...options, onFrame: undefined }
    )
    group.forEach((i, k) => (results[i] = decoded[k] ?? []))
    options.onFrame?.((done += group.length))
  })
  return results
}
