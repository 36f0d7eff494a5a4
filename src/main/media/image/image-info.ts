import type { Metadata } from 'sharp'
import { AppError } from '@shared/errors'
import { lazyModule } from '../../platform/lazy-module'
import { decodeHeif } from './heif'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

/** Decompression-bomb guard: sharp's own default, stated here so every decoder uses the same one. */
export const MAX_INPUT_PIXELS = 268_402_689

export interface ImageInfo {
  format: string
  width: number
  height: number
  /** Size once EXIF orientation is applied. */
  displayWidth: number
  displayHeight: number
  orientation: number
  colorSpace: string
  bitDepth: number
  hasAlpha: boolean
  hasProfile: boolean
  pages: number
  compression: string | null
}

const BIT_DEPTH: Record<string, number> = { uchar: 8, char: 8, ushort: 16, short: 16, uint: 32, float: 32 }

export async function readImageInfo(file: string | Buffer): Promise<ImageInfo> {
  let meta: Metadata
  try {
    meta = await sharp()(file, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw imageError(error)
  }
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  if (!width || !height) throw new AppError('MEDIA_CORRUPT', 'The image has no readable dimensions.')
  if (width * height > MAX_INPUT_PIXELS) {
    throw new AppError(
      'MEDIA_TOO_LARGE',
      `The image is ${width}×${height} (${Math.round((width * height) / 1e6)} megapixels), over the ${Math.round(MAX_INPUT_PIXELS / 1e6)} MP limit.`
    )
  }
  const orientation = meta.orientation ?? 1
  const sideways = orientation >= 5
  const info: ImageInfo = {
    format: meta.format ?? 'unknown',
    width,
    height,
    displayWidth: sideways ? height : width,
    displayHeight: sideways ? width : height,
    orientation,
    colorSpace: meta.space ?? 'unknown',
    bitDepth: BIT_DEPTH[meta.depth ?? 'uchar'] ?? 8,
    hasAlpha: meta.hasAlpha ?? false,
    hasProfile: meta.hasProfile ?? false,
    pages: meta.pages ?? 1,
    compression: meta.compression ?? null
  }
  return needsHeifDecoder(info) ? heifInfo(file, info) : info
}

/** The prebuilt libvips reads HEIF containers but only decodes AV1 inside them, not HEVC. */
export function needsHeifDecoder(info: Pick<ImageInfo, 'format' | 'compression'>): boolean {
  return info.format === 'heif' && info.compression === 'hevc'
}

/** Decoded by libheif: upright already (its transforms applied), RGBA, no profile. */
async function heifInfo(file: string | Buffer, header: ImageInfo): Promise<ImageInfo> {
  const image = await decodeHeif(file)
  return {
    ...header,
    width: image.width,
    height: image.height,
    displayWidth: image.width,
    displayHeight: image.height,
    orientation: 1,
    colorSpace: 'srgb',
    bitDepth: 8,
    hasAlpha: false,
    pages: 1
  }
}

export function imageError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error)
  if (/pixel limit|exceeds pixel/i.test(message)) {
    return new AppError('MEDIA_TOO_LARGE', 'The image has more pixels than Framewise will decode.')
  }
  if (
    /unsupported image format|corrupt header|bad seek|not a known file format|premature end/i.test(message)
  ) {
    return new AppError(
      'MEDIA_CORRUPT',
      'The image is damaged or in a format the image decoder does not know.',
      {
        cause: message
      }
    )
  }
  if (/heif|heic|compression format has not been built in/i.test(message)) {
    return new AppError('MEDIA_UNSUPPORTED', `This image's compression is not supported here (${message}).`)
  }
  return new AppError('MEDIA_DECODE_FAILED', `The image could not be decoded: ${message}`)
}
