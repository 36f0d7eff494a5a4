import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
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

let runCounter = 0
const SHOWINFO = /n:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?[\d.e+-]+)/

/** Scale for storage, and a 9×8 grey copy of the same frame as its perceptual signature. */
function frameGraph(input: number, pre: string, label: string): string {
  const scale = `scale='min(iw,__S__)':'min(ih,__S__)':force_original_aspect_ratio=decrease`
  return `[${input}:v:0]${pre}${scale},split[img${label}][g${label}];[g${label}]scale=9:8:flags=area,format=gray[h${label}]`
}

function outputsFor(
  binaries: MediaBinaries,
  dir: string,
  name: string,
  label: string,
  extra: string[]
): FfmpegSpec['outputs'] {
  const sync = passthroughFrames(binaries)
  return [
    {
      target: join(dir, `${name}_%05d.jpg`),
      options: ['-map', `[img${label}]`, ...sync, ...extra, '-q:v', '3', '-f', 'image2', '-y']
    },
    {
      target: join(dir, `${name}.gray`),
      options: ['-map', `[h${label}]`, ...sync, ...extra, '-f', 'rawvideo', '-y']
    }
  ]
}

async function readSignatures(file: string): Promise<Signature[]> {
  const raw = existsSync(file) ? await readFile(file) : Buffer.alloc(0)
  const out: Signature[] = []
  for (let at = 0; at + SIGNATURE_BYTES <= raw.length; at += SIGNATURE_BYTES)
    out.push(new Uint8Array(raw.subarray(at, at + SIGNATURE_BYTES)))
  return out
}

/** One pass over one input; showinfo gives each frame's true timestamp. */
async function decodeWithTimestamps(
  binaries: MediaBinaries,
  file: string,
  inputOptions: string[],
  filterPrefix: string,
  options: ExtractOptions
): Promise<DecodedFrame[]> {
  const name = `pass${(runCounter += 1)}`
  const times: number[] = []
  const graph = frameGraph(0, `${filterPrefix}showinfo,`, 'a').replace(/__S__/g, String(options.maxSize))
  const spec: FfmpegSpec = {
    inputs: [{ path: file, options: inputOptions }],
    globalOptions: ['-filter_complex', graph],
    outputs: outputsFor(binaries, options.dir, name, 'a', []),
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onStderrLine: (line) => {
      const match = SHOWINFO.exec(line)
      if (match) times[Number(match[1])] = Number(match[2])
      if (match) options.onFrame?.(times.length)
    }
  }
  try {
    await runFfmpegSpec(binaries, spec)
  } catch (error) {
    // A damaged stream can fail late; the frames decoded before that are still good.
    if (times.length === 0 || (error instanceof AppError && error.code === 'CANCELLED')) throw error
  }
  const signatures = await readSignatures(join(options.dir, `${name}.gray`))
  return collect(options.dir, name, times, signatures)
}

function collect(
  dir: string,
  name: string,
  times: (number | undefined)[],
  signatures: Signature[]
): DecodedFrame[] {
  const frames: DecodedFrame[] = []
  times.forEach((pts, n) => {
    const file = join(dir, `${name}_${String(n + 1).padStart(5, '0')}.jpg`)
    const signature = signatures[n]
    if (pts !== undefined && signature !== undefined && existsSync(file))
      frames.push({ pts, file, signature })
  })
  return frames
}

/**
 * Decodes keyframes only (-skip_frame nokey, one decoder thread, no deblocking: the cheapest sweep),
 * split across `parts` processes at keyframe boundaries so both cores work.
 */
export async function decodeKeyframes(
  binaries: MediaBinaries,
  file: string,
  keyframeTimes: readonly number[],
  options: ExtractOptions & { parts?: number }
): Promise<DecodedFrame[]> {
  const parts = Math.max(1, Math.min(options.parts ?? 1, Math.floor(keyframeTimes.length / 20) || 1))
  const bounds = Array.from(
    { length: parts - 1 },
    (_, i) => keyframeTimes[Math.floor(((i + 1) * keyframeTimes.length) / parts)] as number
  )
  const ranges = [undefined, ...bounds].map((from, i) => ({ from, to: bounds[i] }))
  let done = 0
  const results = await Promise.all(
    ranges.map((range) =>
      decodeWithTimestamps(
        binaries,
        file,
        [
          '-skip_frame',
          'nokey',
          '-skip_loop_filter',
          'all',
          '-threads',
          '1',
          ...(range.from !== undefined ? ['-ss', range.from.toFixed(6), '-copyts'] : []),
          ...(range.to !== undefined ? ['-to', (range.to - 0.0005).toFixed(6)] : [])
        ],
        '',
        { ...options, onFrame: () => options.onFrame?.((done += 1)) }
      )
    )
  )
  return results.flat()
}

/**
 * Input-seeks (-ss before -i) to each time and keeps the first frame there. Several seeks share one
 * process; the frame's time is the first packet time at or after the target (from the index).
 */
export async function decodeAt(
  binaries: MediaBinaries,
  file: string,
  times: readonly number[],
  ptsAtOrAfter: (t: number) => number,
  options: ExtractOptions & { batch?: number; parallel?: number; referenceFramesOnly?: boolean }
): Promise<DecodedFrame[]> {
  // Split the work evenly over the parallel processes, but never more than `batch` seeks in one.
  const parallel = options.parallel ?? 2
  const batchSize = Math.max(1, Math.min(options.batch ?? 6, Math.ceil(times.length / parallel)))
  const batches: number[][] = []
  for (let i = 0; i < times.length; i += batchSize) batches.push(times.slice(i, i + batchSize))
  const out: DecodedFrame[] = []
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++] as number[]
      out.push(...(await decodeBatch(binaries, file, batch, ptsAtOrAfter, options)))
      done += batch.length
      options.onFrame?.(done)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker))
  return out.sort((a, b) => a.pts - b.pts)
}

async function decodeBatch(
  binaries: MediaBinaries,
  file: string,
  times: number[],
  ptsAtOrAfter: (t: number) => number,
  options: ExtractOptions & { referenceFramesOnly?: boolean }
): Promise<DecodedFrame[]> {
  const name = `seek${(runCounter += 1)}`
  // For a cut frame (a large reference P-frame, mostly intra-coded) the B-frames on the way and the
  // deblocking filter can be skipped: about half the decoding, with no visible effect on it.
  const fast = options.referenceFramesOnly ? ['-skip_frame', 'bidir', '-skip_loop_filter', 'all'] : []
  const graphs = times.map((_, i) =>
    frameGraph(i, 'showinfo,', String(i)).replace(/__S__/g, String(options.maxSize))
  )
  // Each chain has five filters, so chain i's showinfo is the graph's filter number 5i.
  const firstPts = new Map<number, number>()
  const spec: FfmpegSpec = {
    inputs: times.map((t) => ({
      path: file,
      options: [...fast, '-threads', '1', '-ss', Math.max(0, t - 0.0005).toFixed(6), '-copyts']
    })),
    globalOptions: ['-filter_complex', graphs.join(';')],
    outputs: times.flatMap((_, i) =>
      outputsFor(binaries, options.dir, `${name}-${i}`, String(i), ['-frames:v', '1'])
    ),
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onStderrLine: (line) => {
      const match = /Parsed_showinfo_(\d+).*pts_time:(-?[\d.e+-]+)/.exec(line)
      const chain = match ? Number(match[1]) / 5 : -1
      if (match && !firstPts.has(chain)) firstPts.set(chain, Number(match[2]))
    }
  }
  await runFfmpegSpec(binaries, spec).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CANCELLED') throw error
  })
  const frames: DecodedFrame[] = []
  for (const [i, t] of times.entries()) {
    const [signature] = await readSignatures(join(options.dir, `${name}-${i}.gray`))
    const jpeg = join(options.dir, `${name}-${i}_00001.jpg`)
    if (signature !== undefined && existsSync(jpeg))
      frames.push({ pts: firstPts.get(i) ?? ptsAtOrAfter(t), file: jpeg, signature })
  }
  return frames
}

/** One full decoding pass keeping a frame every `stepS` seconds and at scene changes. */
export function decodeSampled(
  binaries: MediaBinaries,
  file: string,
  stepS: number,
  options: ExtractOptions
): Promise<DecodedFrame[]> {
  const select = `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${stepS.toFixed(3)})+gt(scene,0.3)',`
  return decodeWithTimestamps(binaries, file, [], select, options)
}
