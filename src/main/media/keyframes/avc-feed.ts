import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { ffprobeJson } from '../../platform/ffmpeg/ffmpeg'

/**
 * Feeding the decoder chosen H.264 packets of an MP4 without a stream-copy process
 * (docs/adr/012-fast-start.md): MP4 stores each packet whole at a known byte offset, with its NAL
 * units length-prefixed and the parameter sets in the avcC box. The packets are read here, turned
 * into the start-code form a bare H.264 stream uses, and written as IVF (a 32-byte header, then a
 * size and a timestamp per packet), which ffmpeg reads with each packet's true time.
 */
export interface AvcConfig {
  /** Bytes of each NAL unit's length prefix (1, 2 or 4). */
  lengthSize: number
  /** SPS and PPS in start-code form, put before every keyframe. */
  parameterSets: Buffer
}

export interface FeedPacket {
  /** Byte offset of the packet in the file. */
  pos: number
  size: number
  /** Presentation time, seconds on the stream's clock. */
  pts: number
  key: boolean
}

const START_CODE = Buffer.from([0, 0, 0, 1])

/** The decoder configuration in an avcC box, or null when these bytes are not one. */
export function parseAvcConfig(avcC: Buffer): AvcConfig | null {
  if (avcC.length < 7 || avcC[0] !== 1) return null
  const lengthSize = ((avcC[4] as number) & 3) + 1
  if (lengthSize === 3) return null
  const parts: Buffer[] = []
  let at = 5
  // SPS count (low 5 bits), the SPS; PPS count, the PPS; each a 16-bit length and the NAL unit.
  for (const mask of [0x1f, 0xff]) {
    if (at >= avcC.length) return null
    const count = (avcC[at] as number) & mask
    at += 1
    for (let i = 0; i < count; i += 1) {
      if (at + 2 > avcC.length) return null
      const length = avcC.readUInt16BE(at)
      at += 2
      if (at + length > avcC.length) return null
      parts.push(START_CODE, avcC.subarray(at, at + length))
      at += length
    }
  }
  return { lengthSize, parameterSets: Buffer.concat(parts) }
}

/**
 * A length-prefixed packet in start-code form, or null when a length runs past the packet (damage:
 * the packet is left out, as ffmpeg's own parser drops one it cannot split). Empty NAL units and a
 * few stray bytes at the end are skipped, as that parser does.
 */
export function toAnnexB(packet: Buffer, lengthSize: number): Buffer | null {
  const parts: Buffer[] = []
  let at = 0
  while (at + lengthSize <= packet.length) {
    const length = packet.readUIntBE(at, lengthSize)
    at += lengthSize
    if (at + length > packet.length) return null
    if (length > 0) parts.push(START_CODE, packet.subarray(at, at + length))
    at += length
  }
  return parts.length > 0 ? Buffer.concat(parts) : null
}

/** The text form of binary data ffprobe prints (`00000000: 0164 0028 …  ascii`), back to bytes. */
export function parseHexDump(dump: string): Buffer {
  const hex = dump
    .split('\n')
    .filter((line) => /^[0-9a-f]{8}: /.test(line))
    .map((line) => line.slice(10, 50).replace(/\s/g, ''))
    .join('')
  return Buffer.from(hex, 'hex')
}

interface StreamData {
  streams?: { codec_name?: string; extradata?: string }[]
  format?: { format_name?: string }
}

/**
 * The avcC configuration of the first video stream when the file is an MP4/MOV with H.264 (read
 * alongside the packet index and kept with it), else null.
 */
export async function readAvcConfig(
  binaries: MediaBinaries,
  file: string,
  options: { signal?: AbortSignal; streamIndex?: number } = {}
): Promise<AvcConfig | null> {
  const answer = await ffprobeJson<StreamData>(
    binaries,
    file,
    [
      '-select_streams',
      `v:${options.streamIndex ?? 0}`,
      '-show_entries',
      'stream=codec_name,extradata:format=format_name',
      '-show_data'
    ],
    { signal: options.signal, timeoutMs: 30_000 }
  ).catch(() => null)
  const stream = answer?.streams?.[0]
  const mp4 = answer?.format?.format_name?.split(',').includes('mp4') ?? false
  if (!mp4 || stream?.codec_name !== 'h264' || !stream.extradata) return null
  return parseAvcConfig(parseHexDump(stream.extradata))
}

/** Larger than any coded picture (an 8K intra frame is a few MB). */
const MAX_PACKET_BYTES = 64 * 1024 * 1024

/** Timestamps in microseconds: exact for the times the packet index holds. */
const TIME_BASE = 1_000_000

/**
 * The packets, read from the file in this order, as an IVF stream for `-f ivf -i pipe:0`. A packet
 * the index places past the end of the file, or larger than any picture, or whose NAL lengths do
 * not fit is left out (the decoder conceals it, as with a damaged file read by ffmpeg itself).
 * Destroy the stream when the decoder stops early: that closes the file.
 */
export function ivfFeed(
  file: string,
  packets: readonly FeedPacket[],
  config: AvcConfig,
  size: { width: number; height: number }
): Readable {
  return Readable.from(ivfChunks(file, packets, config, size), { objectMode: false })
}

async function* ivfChunks(
  file: string,
  packets: readonly FeedPacket[],
  config: AvcConfig,
  size: { width: number; height: number }
): AsyncGenerator<Buffer> {
  yield ivfHeader(packets.length, size)
  const handle = await open(file, 'r')
  try {
    for (const packet of packets) {
      // A size no picture has is a damaged or hostile index, not a reason to allocate it.
      if (packet.size > MAX_PACKET_BYTES || packet.pos < 0) continue
      const sample = Buffer.alloc(packet.size)
      const { bytesRead } = await handle.read(sample, 0, packet.size, packet.pos)
      const nals = bytesRead === packet.size ? toAnnexB(sample, config.lengthSize) : null
      if (!nals) continue
      const data = packet.key ? Buffer.concat([config.parameterSets, nals]) : nals
      const frameHeader = Buffer.alloc(12)
      frameHeader.writeUInt32LE(data.length, 0)
      frameHeader.writeBigInt64LE(BigInt(Math.round(packet.pts * TIME_BASE)), 4)
      yield Buffer.concat([frameHeader, data])
    }
  } finally {
    await handle.close()
  }
}

function ivfHeader(frames: number, size: { width: number; height: number }): Buffer {
  const header = Buffer.alloc(32)
  header.write('DKIF', 0, 'latin1')
  header.writeUInt16LE(0, 4) // version
  header.writeUInt16LE(32, 6) // header size
  header.write('H264', 8, 'latin1')
  header.writeUInt16LE(Math.min(0xffff, size.width), 12)
  header.writeUInt16LE(Math.min(0xffff, size.height), 14)
  header.writeUInt32LE(TIME_BASE, 16) // time base denominator
  header.writeUInt32LE(1, 20) // time base numerator
  header.writeUInt32LE(frames, 24)
  return header
}
