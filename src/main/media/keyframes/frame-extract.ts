import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { forEachLimited } from '@shared/concurrency'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import {
  passthroughFrames,
  runFfmpegPipeline,
  runFfmpegSpec,
  type FfmpegSpec
} from '../../platform/ffmpeg/ffmpeg'
import { jpegOutputOptions, type KeptPicture, type KeptPictureKind } from './frame-encode'
import { SIGNATURE_BYTES, type Signature } from './phash'

export interface DecodedFrame {
  /** Presentation time in the stream's own clock (before any start offset is removed). */
  pts: number
  /** The picture, kept until the frame is chosen (encodeJpegs). */
  picture: KeptPicture
  signature: Signature
}

export interface ExtractOptions {
  dir: string
  maxSize: number
  /** How decoded pictures wait until the frames are chosen (keptPictureKind). */
  keep: KeptPictureKind
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
  /** Decoder threads; 1 where several processes share the cores, 0 (all cores) for a lone pass. */
  threads?: number
  /**
   * Turn applied by the filter graph. Only for packets piped through NUT, which loses the display
   * matrix; ffmpeg turns frames read straight from the file itself.
   */
  rotate?: 0 | 90 | 180 | 270
}

let runCounter = 0
const SHOWINFO = /Parsed_showinfo_(\d+).*?n:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?[\d.e+-]+)/

/** Filters that turn a stored picture upright (clockwise degrees, as the probe reports them). */
const UPRIGHT: Record<0 | 90 | 180 | 270, string[]> = {
  0: [],
  90: ['transpose=clock'],
  180: ['hflip', 'vflip'],
  270: ['transpose=cclock']
}

/**
 * The full-range pixel formats JPEG takes, set before the split so a picture kept raw is the one a
 * JPEG written at once would hold, and the signature is taken from it either way; the format
 * filter picks the one nearest the video's own (4:2:0 for most).
 */
const JPEG_PIXELS = 'format=pix_fmts=yuvj420p|yuvj422p|yuvj444p'

/**
 * Chain i: [select →] [upright →] scale → JPEG pixels → split → (picture, 9×8 grey signature →
 * showinfo). showinfo sits on the tiny signature branch because it checksums every frame it sees.
 */
function chain(
  index: number,
  range: DecodeRange,
  maxSize: number
): { graph: string; showinfoId: number; filters: number } {
  const select = range.select ? [`select='${range.select}'`] : []
  const scale = `scale='min(iw,${maxSize})':'min(ih,${maxSize})':force_original_aspect_ratio=decrease`
  const main = [...select, ...UPRIGHT[range.rotate ?? 0], scale, JPEG_PIXELS, 'split']
  const signature = ['scale=9:8:flags=area', 'format=gray', 'showinfo']
  const graph = `[${index}:v:0]${main.join(',')}[img${index}][g${index}];[g${index}]${signature.join(',')}[h${index}]`
  return { graph, showinfoId: main.length + 2, filters: main.length + signature.length }
}

function skipOptions(skip: DecodeRange['skip']): string[] {
  return skip ? ['-skip_frame', skip, '-skip_loop_filter', 'all'] : []
}

function inputOptions(range: DecodeRange): string[] {
  const skip = skipOptions(range.skip)
  // -copyts always: frames keep the stream's own clock whether or not the range seeks, so removing
  // the container's start offset (MPEG-TS starts at 1.4 s, say) gives player time in both cases.
  return [...skip, '-threads', String(range.threads ?? 1), '-copyts', ...readWindow(range.from, range.to)]
}

/**
 * -ss/-to on the stream's own clock. Without -seek_timestamp ffmpeg adds the file's start time to
 * -ss, which moves every seek in a file that does not start at 0 (MPEG-TS, edited MP4).
 */
function readWindow(from: number | undefined, to: number | undefined): string[] {
  if (from === undefined && to === undefined) return []
  const start = ['-seek_timestamp', '1', '-ss', Math.max(0, from ?? 0).toFixed(6)]
  return to === undefined ? start : [...start, '-to', to.toFixed(6)]
}

/**
 * Decodes several ranges of one file in one ffmpeg process (one spawn, one decoder thread each),
 * keeping the scaled picture and a perceptual signature of each frame it passes; showinfo
 * gives each frame's true time.
 */
export async function decodeRanges(
  binaries: MediaBinaries,
  file: string,
  ranges: readonly DecodeRange[],
  options: ExtractOptions
): Promise<DecodedFrame[][]> {
  return decodeWith(binaries, ranges, options, (graph, outs, onStderrLine) =>
    runFfmpegSpec(binaries, {
      inputs: ranges.map((range) => ({ path: file, options: inputOptions(range) })),
      globalOptions: ['-filter_complex', graph],
      outputs: outs,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onStderrLine
    })
  )
}

/**
 * Packets to decode, by their byte offsets in the file, and the stretch of the file to read for
 * them (seeking to `fromS` and stopping after `toS`, so each process reads only its part).
 */
export interface PacketSelection {
  /** Inclusive byte-offset ranges; each must start at a keyframe. */
  byteRanges: [number, number][]
  fromS: number
  toS: number
  /**
   * The same packets as a stream read here (an MP4 with H.264, avc-feed.ts), so no stream-copy
   * process has to demux the whole stretch to drop the others.
   */
  feed?: () => Readable
}

/**
 * Frame threads per packet-decoding process. Two processes run at once, so one thread each would
 * fill both cores of an idle machine; a second keeps the work's share when something else is busy
 * (the scheduler shares the cores by thread, and a plain `ffmpeg -i` brings one per core and more),
 * and lets the process that finishes its half last use both cores for its tail.
 */
const PACKET_DECODER_THREADS = 2

/**
 * Decodes only the chosen packets in one read of the file, so skipped keyframes and GOPs cost
 * nothing to decode and there is no per-seek cost (docs/adr/007-packet-selected-decoding.md): fed
 * from here where the selection has a feed (an MP4 with H.264, avc-feed.ts), else through a
 * stream-copy process that drops every other packet before it reaches the decoder.
 */
export async function decodePackets(
  binaries: MediaBinaries,
  file: string,
  selection: PacketSelection,
  options: ExtractOptions & Pick<DecodeRange, 'select' | 'skip' | 'rotate'>
): Promise<DecodedFrame[]> {
  const range: DecodeRange = { select: options.select, skip: options.skip, rotate: options.rotate }
  const decoderOptions = [
    '-skip_loop_filter',
    'all',
    ...skipOptions(range.skip),
    '-threads',
    String(PACKET_DECODER_THREADS),
    '-copyts'
  ]
  // What the decoding process writes, the same whichever way the packets reach it.
  const sink = (graph: string, outs: FfmpegSpec['outputs'], onStderrLine: (line: string) => void) => ({
    globalOptions: ['-filter_complex', graph],
    outputs: outs,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onStderrLine
  })
  if (selection.feed) {
    const feed = selection.feed()
    try {
      const [fed = []] = await decodeWith(binaries, [range], options, (graph, outs, onStderrLine) =>
        runFfmpegSpec(binaries, {
          inputs: [{ path: feed, options: [...decoderOptions, '-f', 'ivf'] }],
          ...sink(graph, outs, onStderrLine)
        })
      )
      return fed
    } finally {
      // The decoder may stop before reading it all (cancelled, failed): this closes the file.
      feed.destroy()
    }
  }
  const read = readWindow(selection.fromS, selection.toS)
  const [frames = []] = await decodeWith(binaries, [range], options, (graph, outs, onStderrLine) =>
    runFfmpegPipeline(
      binaries,
      {
        inputs: [{ path: file, options: ['-copyts', ...read] }],
        outputOptions: [
          '-map',
          '0:v:0',
          '-c',
          'copy',
          '-bsf:v',
          `noise=drop=${keepOnlyExpression(selection.byteRanges)}`,
          // Keep the file's own clock even where B-frames make the first timestamps negative.
          '-avoid_negative_ts',
          'disabled',
          '-f',
          'nut'
        ]
      },
      { inputOptions: decoderOptions, ...sink(graph, outs, onStderrLine) }
    )
  )
  return frames
}

/** A noise-bsf drop expression that keeps exactly the packets at these byte offsets. */
export function keepOnlyExpression(byteRanges: readonly [number, number][]): string {
  // Commas are escaped: the bitstream-filter list itself is comma-separated.
  const terms = byteRanges.map(([from, to]) =>
    from === to ? `eq(pos\\,${from})` : `between(pos\\,${from}\\,${to})`
  )
  return terms.length === 0 ? '1' : `not(${terms.join('+')})`
}

type DecodeRun = (
  graph: string,
  outputs: FfmpegSpec['outputs'],
  onStderrLine: (line: string) => void
) => Promise<unknown>

async function decodeWith(
  binaries: MediaBinaries,
  ranges: readonly DecodeRange[],
  options: ExtractOptions,
  run: DecodeRun
): Promise<DecodedFrame[][]> {
  const name = `run${(runCounter += 1)}`
  const chains = ranges.map((range, i) => chain(i, range, options.maxSize))
  // Filters are numbered across the whole graph, chain after chain.
  const offsets: number[] = []
  let position = 0
  for (const c of chains) {
    offsets.push(position + c.showinfoId)
    position += c.filters
  }
  const times: number[][] = ranges.map(() => [])
  let seen = 0
  const onStderrLine = (line: string): void => {
    const match = SHOWINFO.exec(line)
    const chainIndex = match ? offsets.indexOf(Number(match[1])) : -1
    if (!match || chainIndex < 0) return
    ;(times[chainIndex] as number[])[Number(match[2])] = Number(match[3])
    options.onFrame?.((seen += 1))
  }
  const outs = ranges.flatMap((range, i) =>
    outputs(binaries, { dir: options.dir, keep: options.keep, name: `${name}-${i}`, i, frames: range.frames })
  )
  try {
    await run(chains.map((c) => c.graph).join(';'), outs, onStderrLine)
  } catch (error) {
    // A damaged stream can fail late; the frames decoded before that are still good.
    if (seen === 0 || (error instanceof AppError && error.code === 'CANCELLED')) throw error
  }
  return Promise.all(
    ranges.map((range, i) =>
      collect(
        { dir: options.dir, keep: options.keep, name: `${name}-${i}` },
        times[i] as number[],
        range.frames
      )
    )
  )
}

interface ChainFiles {
  dir: string
  keep: KeptPictureKind
  /** Prefix of this chain's files. */
  name: string
}

function outputs(
  binaries: MediaBinaries,
  chainFiles: ChainFiles & { i: number; frames?: number }
): FfmpegSpec['outputs'] {
  const { dir, keep, name, i, frames } = chainFiles
  const sync = passthroughFrames(binaries)
  const limit = frames ? ['-frames:v', String(frames)] : []
  // Raw pictures go into one NUT file, which records their size and pixel format; only the frames
  // chosen are encoded later (encodeJpegs).
  const picture =
    keep === 'raw'
      ? {
          target: join(dir, `${name}.nut`),
          options: [...sync, ...limit, '-c:v', 'rawvideo', '-f', 'nut', '-y']
        }
      : { target: join(dir, `${name}_%05d.jpg`), options: [...limit, ...jpegOutputOptions(binaries)] }
  return [
    { target: picture.target, options: ['-map', `[img${i}]`, ...picture.options] },
    {
      target: join(dir, `${name}.gray`),
      options: ['-map', `[h${i}]`, ...sync, ...limit, '-f', 'rawvideo', '-y']
    }
  ]
}

async function collect(
  chainFiles: ChainFiles,
  times: (number | undefined)[],
  limit?: number
): Promise<DecodedFrame[]> {
  const { dir, keep, name } = chainFiles
  const grayFile = join(dir, `${name}.gray`)
  const rawFile = join(dir, `${name}.nut`)
  if (!existsSync(grayFile) || (keep === 'raw' && !existsSync(rawFile))) return []
  const signatures = await readFile(grayFile)
  const frames: DecodedFrame[] = []
  times.slice(0, limit ?? times.length).forEach((pts, index) => {
    const at = index * SIGNATURE_BYTES
    if (pts === undefined || at + SIGNATURE_BYTES > signatures.length) return
    const jpeg = join(dir, `${name}_${String(index + 1).padStart(5, '0')}.jpg`)
    if (keep === 'jpeg' && !existsSync(jpeg)) return
    const picture: KeptPicture = keep === 'raw' ? { raw: rawFile, index } : { jpeg }
    frames.push({ pts, picture, signature: new Uint8Array(signatures.subarray(at, at + SIGNATURE_BYTES)) })
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
