import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { readAvcConfig, type AvcConfig } from './avc-feed'
import { errorFromProcess, ffprobeLines } from '../../platform/ffmpeg/ffmpeg'

/** Every video packet's presentation time, size and keyframe flag, read at demux speed. */
export interface KeyframeIndex {
  /** Presentation times (s) in decode order. */
  times: Float64Array
  sizes: Uint32Array
  /** Byte offset of each packet in the file (-1 where the demuxer does not know it). */
  positions: Float64Array
  keyframe: Uint8Array
  count: number
  keyframeTimes: number[]
  /** All presentation times, sorted (decode order differs when there are B-frames). */
  ptsSorted: Float64Array
  /** For an MP4 with H.264, how to read its packets here (avc-feed.ts); null otherwise. */
  avc?: AvcConfig | null
}

/** The first frame time at or after t (what an accurate input seek to t decodes first). */
export function ptsAtOrAfter(index: KeyframeIndex, t: number): number {
  const times = index.ptsSorted
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((times[mid] as number) < t - 0.0005) lo = mid + 1
    else hi = mid
  }
  return (times[Math.min(lo, times.length - 1)] as number) ?? t
}

const INDEX_TIMEOUT_MS = 10 * 60_000

export async function readKeyframeIndex(
  binaries: MediaBinaries,
  file: string,
  options: { signal?: AbortSignal; streamIndex?: number } = {}
): Promise<KeyframeIndex> {
  const builder = new IndexBuilder()
  // Read at the same time as the packets; a failure only means the packets go the slower way.
  const avc = readAvcConfig(binaries, file, options)
  try {
    await ffprobeLines(
      binaries,
      file,
      [
        '-select_streams',
        `v:${options.streamIndex ?? 0}`,
        '-show_entries',
        'packet=pts_time,dts_time,size,pos,flags',
        '-of',
        'csv=p=0'
      ],
      (line) => builder.add(line),
      { signal: options.signal, timeoutMs: INDEX_TIMEOUT_MS }
    )
  } catch (error) {
    // A truncated or partly corrupt file still yields the packets before the damage.
    if (builder.size() === 0) {
      await avc
      throw errorFromProcess(error)
    }
  }
  return { ...builder.build(), avc: await avc }
}

function indexOf(
  times: Float64Array,
  sizes: Uint32Array,
  positions: Float64Array,
  keyframe: Uint8Array
): KeyframeIndex {
  const keyframeTimes: number[] = []
  for (let i = 0; i < times.length; i += 1) if (keyframe[i]) keyframeTimes.push(times[i] as number)
  keyframeTimes.sort((a, b) => a - b)
  const ptsSorted = times.slice().sort()
  return { times, sizes, positions, keyframe, count: times.length, keyframeTimes, ptsSorted }
}

/** Bump when the packed layout or what the index holds changes; older packs are read again. */
const PACK_VERSION = 2
const HEADER_BYTES = 8

/**
 * The index as bytes to store with the asset (21 bytes a packet, then the H.264 configuration when
 * there is one: its length-prefix size, or 0, and its parameter sets), deflated.
 */
export function packIndex(index: KeyframeIndex): Buffer {
  const n = index.count
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt32LE(PACK_VERSION, 0)
  header.writeUInt32LE(n, 4)
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
  const body = [index.times, index.positions, index.sizes, index.keyframe].map(bytes)
  const avc = Buffer.from([index.avc?.lengthSize ?? 0])
  const sets = index.avc?.parameterSets ?? Buffer.alloc(0)
  return deflateRawSync(Buffer.concat([header, ...body, avc, sets]), { level: 1 })
}

/** The stored index, or null when it is from another version or damaged (then it is read again). */
export function unpackIndex(packed: Buffer): KeyframeIndex | null {
  try {
    const raw = inflateRawSync(packed)
    const n = raw.readUInt32LE(4)
    const packets = HEADER_BYTES + 21 * n
    if (raw.readUInt32LE(0) !== PACK_VERSION || raw.length < packets + 1) return null
    // Copied out so each typed array starts on an aligned offset of its own buffer.
    const take = (at: number, length: number) =>
      raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + length)
    const times = new Float64Array(take(HEADER_BYTES, 8 * n))
    const positions = new Float64Array(take(HEADER_BYTES + 8 * n, 8 * n))
    const sizes = new Uint32Array(take(HEADER_BYTES + 16 * n, 4 * n))
    const keyframe = new Uint8Array(take(HEADER_BYTES + 20 * n, n))
    const lengthSize = raw[packets] as number
    const known = [1, 2, 4].includes(lengthSize)
    const avc = known ? { lengthSize, parameterSets: Buffer.from(raw.subarray(packets + 1)) } : null
    return { ...indexOf(times, sizes, positions, keyframe), avc }
  } catch {
    return null
  }
}

/** Grows typed arrays as packets stream in, so an hour of video costs a few hundred KB. */
class IndexBuilder {
  private times = new Float64Array(4096)
  private sizes = new Uint32Array(4096)
  private positions = new Float64Array(4096)
  private keys = new Uint8Array(4096)
  private n = 0

  add(line: string): void {
    // csv columns follow ffprobe's field order: pts_time, dts_time, size, pos, flags
    const [pts, dts, size, pos, flags] = line.trim().split(',')
    const t = Number(pts !== 'N/A' && pts ? pts : dts)
    if (!Number.isFinite(t)) return
    if (this.n === this.times.length) this.grow()
    this.times[this.n] = t
    this.sizes[this.n] = Number(size) || 0
    this.positions[this.n] = pos && pos !== 'N/A' ? Number(pos) : -1
    this.keys[this.n] = flags?.includes('K') ? 1 : 0
    this.n += 1
  }

  size(): number {
    return this.n
  }

  build(): KeyframeIndex {
    const n = this.n
    return indexOf(
      this.times.slice(0, n),
      this.sizes.slice(0, n),
      this.positions.slice(0, n),
      this.keys.slice(0, n)
    )
  }

  private grow(): void {
    const next = this.times.length * 2
    const times = new Float64Array(next)
    times.set(this.times)
    const sizes = new Uint32Array(next)
    sizes.set(this.sizes)
    const keys = new Uint8Array(next)
    keys.set(this.keys)
    const positions = new Float64Array(next)
    positions.set(this.positions)
    this.times = times
    this.sizes = sizes
    this.positions = positions
    this.keys = keys
  }
}
