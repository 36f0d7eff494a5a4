import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { forEachLimited } from '@shared/concurrency'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { passthroughFrames, runFfmpegSpec } from '../../platform/ffmpeg/ffmpeg'

/**
 * Where a decoded frame's picture waits until the frame is chosen: uncompressed, as frame `index`
 * (from 0) of a raw-video NUT file one decoding process wrote, or already a JPEG. Most decoded
 * frames are only compared, never kept, and JPEG-encoding a grainy 1024 px frame costs about a
 * third of decoding its keyframe; raw pictures take 3–9× the space of JPEGs, and encoding them
 * later costs two more ffmpeg processes, so a selection keeps JPEGs where that does not pay
 * (keptPictureKind).
 */
export type KeptPicture = { raw: string; index: number } | { jpeg: string }

export type KeptPictureKind = 'raw' | 'jpeg'

/** Temp space raw pictures may take in one selection (they are deleted when it ends). */
const RAW_TEMP_LIMIT_BYTES = 1024 ** 3

/**
 * Raw pictures when most decoded frames will be dropped and their pictures fit the temp-space
 * limit. Keeping them raw costs two more processes at the end (~0.15 s), which pays only when many
 * JPEGs are saved: a video with more than twice as many keyframes as the budget (decoding reads up
 * to every keyframe, plus the frames found inside GOPs and the fills, a few per frame of the
 * budget). A short clip whose keyframes are nearly all kept writes its JPEGs at once.
 */
export function keptPictureKind(shape: {
  width: number
  height: number
  /** The video's own pixel format: JPEG keeps its chroma (4:2:0, 4:2:2 or 4:4:4). */
  pixelFormat?: string | null
  maxSize: number
  keyframes: number
  maxFrames: number
}): KeptPictureKind {
  if (shape.keyframes <= 2 * shape.maxFrames) return 'jpeg'
  const shrink = Math.min(1, shape.maxSize / Math.max(1, shape.width, shape.height))
  const frameBytes = shape.width * shrink * (shape.height * shrink) * bytesPerPixel(shape.pixelFormat)
  const frames = shape.keyframes + 4 * shape.maxFrames
  return frames * frameBytes <= RAW_TEMP_LIMIT_BYTES ? 'raw' : 'jpeg'
}

/** Bytes a pixel takes once the picture is in the JPEG format nearest the video's own. */
function bytesPerPixel(pixelFormat: string | null | undefined): number {
  const format = pixelFormat ?? ''
  if (/444|rgb|gbr|bgr|argb|abgr/.test(format)) return 3
  if (/422|uyvy|yuyv/.test(format)) return 2
  return 1.5
}

export interface EncodeOptions {
  dir: string
  signal?: AbortSignal
  timeoutMs: number
}

/** Two processes, one per core; each reads its raw files once and encodes only what is asked. */
const ENCODE_PROCESSES = 2
/** Raw files per process, so a command line stays far below Windows' 32,767 characters. */
const FILES_PER_PROCESS = 32

let encodeCounter = 0

/**
 * A JPEG file for each kept picture, in the same order (undefined where a raw frame is missing,
 * say from a decoding process that stopped on a damaged stream). -q:v 5 is about JPEG quality 85,
 * in line with image prep; higher costs encode time for detail a vision model does not use.
 */
export async function encodeJpegs(
  binaries: MediaBinaries,
  pictures: readonly KeptPicture[],
  options: EncodeOptions
): Promise<(string | undefined)[]> {
  const wanted = new Map<string, Set<number>>()
  for (const picture of pictures) {
    if (!('raw' in picture) || !existsSync(picture.raw)) continue
    wanted.set(picture.raw, (wanted.get(picture.raw) ?? new Set<number>()).add(picture.index))
  }
  const written = new Map<string, string>()
  const files = [...wanted.entries()]
  const parts = Math.max(ENCODE_PROCESSES, Math.ceil(files.length / FILES_PER_PROCESS))
  await forEachLimited(balance(files, parts), ENCODE_PROCESSES, async (group) => {
    for (const [key, jpeg] of await encodeGroup(binaries, group, options)) written.set(key, jpeg)
  })
  return pictures.map((picture) =>
    'jpeg' in picture ? picture.jpeg : written.get(keyOf(picture.raw, picture.index))
  )
}

/** Output options of a JPEG made from a decoded frame, shared by both kinds of kept picture. */
export function jpegOutputOptions(binaries: MediaBinaries): string[] {
  return [...passthroughFrames(binaries), '-q:v', '5', '-f', 'image2', '-y']
}

function keyOf(file: string, index: number): string {
  return `${index}\u0000${file}`
}

/** Files shared out so each process encodes about the same number of frames (at most 32 files). */
function balance(files: [string, Set<number>][], parts: number): [string, Set<number>][][] {
  const groups: [string, Set<number>][][] = Array.from({ length: Math.min(parts, files.length) }, () => [])
  const load = groups.map(() => 0)
  for (const entry of [...files].sort((a, b) => b[1].size - a[1].size)) {
    const room = groups.flatMap((g, i) => (g.length < FILES_PER_PROCESS ? [i] : []))
    const lightest = room.reduce((best, i) => ((load[i] as number) < (load[best] as number) ? i : best))
    groups[lightest]?.push(entry)
    load[lightest] = (load[lightest] as number) + entry[1].size
  }
  return groups.filter((g) => g.length > 0)
}

/**
 * One process: each raw file an input, read up to its last wanted frame (trim ends the input
 * there), the wanted frames selected by number, one JPEG each: the same bytes a JPEG written at
 * decode time would have.
 */
async function encodeGroup(
  binaries: MediaBinaries,
  group: [string, Set<number>][],
  options: EncodeOptions
): Promise<[string, string][]> {
  const name = `jpeg${(encodeCounter += 1)}`
  const inputs = group.map(([file, indices]) => ({ file, indices: [...indices].sort((a, b) => a - b) }))
  const graph = inputs
    .map(({ indices }, i) => {
      const last = indices.at(-1) as number
      const select = indices.map((n) => `eq(n,${n})`).join('+')
      // NUT keeps the pixel layout but not the range: the pictures were kept full-range (JPEG's).
      return `[${i}:v:0]trim=end_frame=${last + 1},setparams=range=pc,select='${select}'[jpg${i}]`
    })
    .join(';')
  const target = (i: number, k: number): string =>
    join(options.dir, `${name}-${i}_${String(k).padStart(5, '0')}.jpg`)
  await runFfmpegSpec(binaries, {
    inputs: inputs.map(({ file }) => ({ path: file })),
    globalOptions: ['-filter_complex', graph],
    outputs: inputs.map((_, i) => ({
      target: join(options.dir, `${name}-${i}_%05d.jpg`),
      options: ['-map', `[jpg${i}]`, ...jpegOutputOptions(binaries)]
    })),
    signal: options.signal,
    timeoutMs: options.timeoutMs
  }).catch((error: unknown) => {
    // A truncated or unreadable raw file: the frames written are kept, the rest are left out (the
    // caller drops frames without a JPEG); only cancelling stops the whole selection.
    if (error instanceof AppError && error.code === 'CANCELLED') throw error
  })
  return inputs.flatMap(({ file, indices }, i) =>
    indices.flatMap((index, k): [string, string][] =>
      existsSync(target(i, k + 1)) ? [[keyOf(file, index), target(i, k + 1)]] : []
    )
  )
}
