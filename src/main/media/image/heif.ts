import { readFile, stat } from 'node:fs/promises'
import type { SharpOptions } from 'sharp'
import { AppError } from '@shared/errors'
import { lazyModule } from '../../platform/lazy-module'

interface Decoded {
  width: number
  height: number
  data: Uint8ClampedArray
}
type HeicDecode = (input: { buffer: Uint8Array }) => Promise<Decoded>

// libheif compiled to WebAssembly (the prebuilt libvips reads HEIF boxes but has no HEVC decoder);
// loaded only when an iPhone photo is met.
const heicDecode = lazyModule<HeicDecode>('heic-decode')

/** Pixels ready for sharp's raw input. */
export interface RawImage {
  data: Buffer
  width: number
  height: number
}

// info → thumbnail → prep read the same photo in a row; decoding takes about a second per 12 MP.
let last: { key: string; image: Promise<RawImage> } | null = null

/**
 * The primary picture of a HEVC-coded HEIF file (every iPhone photo since 2017), decoded to RGBA
 * with libheif's transforms (rotation, mirroring) already applied.
 */
export async function decodeHeif(input: string | Buffer): Promise<RawImage> {
  const key = typeof input === 'string' ? `${input}:${(await stat(input)).mtimeMs}` : null
  if (key && last?.key === key) return last.image
  const image = decode(input)
  if (key) last = { key, image }
  image.catch(() => {
    if (last?.image === image) last = null
  })
  return image
}

async function decode(input: string | Buffer): Promise<RawImage> {
  const buffer = typeof input === 'string' ? await readFile(input) : input
  try {
    const { width, height, data } = await heicDecode()({ buffer })
    return { width, height, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }
  } catch (error) {
    throw new AppError('MEDIA_CORRUPT', `The HEIC photo could not be decoded: ${(error as Error).message}`)
  }
}

/** sharp's options for decoded pixels. */
export const rawOptions = (image: RawImage): SharpOptions => ({
  raw: { width: image.width, height: image.height, channels: 4 }
})
