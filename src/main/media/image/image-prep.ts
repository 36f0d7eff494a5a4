import { stat } from 'node:fs/promises'
import type { Sharp } from 'sharp'
import { AppError } from '@shared/errors'
import { lazyModule } from '../../platform/lazy-module'
import { decodeHeif, rawOptions } from './heif'
import { imageError, MAX_INPUT_PIXELS, needsHeifDecoder, readImageInfo, type ImageInfo } from './image-info'
import { imageCostRule, imageTokens, targetSize, type ImageDetail } from './image-tokens'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

export interface ImagePrepOptions {
  /** The model that will see the picture: decides tile or patch sizing and the token estimate. */
  model: string
  detail: Exclude<ImageDetail, 'auto'>
  format?: 'jpeg' | 'webp'
  quality?: number
  /** Keep transparency (WebP only); otherwise it is flattened onto the background colour. */
  keepAlpha?: boolean
  background?: string
}

/** A JPEG decoded at 1/8, 1/4 or 1/2 scale may end this much under the target size. */
const SHRINK_SLACK = 0.97

/**
 * A JPEG file is decoded straight at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling, asked for with
 * libvips' `file[shrink=N]`) when that keeps at least 97 % of the target size: a 12 MP photo
 * for a 1024×768 target decodes at 1012×759 in half the time. sharp picks 1/4 only when the
 * target is under a fifth of the width, and a smaller picture is never scaled back up
 * (docs/adr/007-packet-selected-decoding.md).
 */
function shrunkOnLoad(
  input: string | Buffer,
  info: ImageInfo,
  display: { width: number; height: number }
): string | Buffer {
  if (typeof input !== 'string' || info.format !== 'jpeg') return input
  const sideways = info.displayWidth !== info.width
  const target = sideways ? { width: display.height, height: display.width } : display
  const factor = [8, 4, 2].find(
    (f) => info.width / f >= SHRINK_SLACK * target.width && info.height / f >= SHRINK_SLACK * target.height
  )
  return factor ? `${input}[shrink=${factor}]` : input
}

export interface PreparedImage {
  data: Buffer
  format: 'jpeg' | 'webp'
  width: number
  height: number
  bytes: number
  inputBytes: number
  /** Estimated input tokens for the chosen model and detail. */
  tokens: number
  detail: 'low' | 'high'
}

/**
 * An image as a vision model should receive it: upright (EXIF 1–8, mirrored included), sRGB 8-bit,
 * first frame of animations, resized to what the model would downscale to anyway.
 */
export async function prepareImage(
  input: string | Buffer,
  options: ImagePrepOptions
): Promise<PreparedImage> {
  const info = await readImageInfo(input)
  const format = options.format ?? 'jpeg'
  const size = targetSize(info.displayWidth, info.displayHeight, imageCostRule(options.model), options.detail)
  const keepAlpha = format === 'webp' && options.keepAlpha === true && info.hasAlpha
  const heif = needsHeifDecoder(info) ? await decodeHeif(input) : null
  let pipeline: Sharp = (
    heif
      ? sharp()(heif.data, rawOptions(heif))
      : sharp()(shrunkOnLoad(input, info, size), {
          limitInputPixels: MAX_INPUT_PIXELS,
          failOn: 'none',
          animated: false
        })
  )
    .autoOrient()
    .resize(size.width, size.height, { fit: 'fill', withoutEnlargement: true })
  if (info.hasAlpha && !keepAlpha)
    pipeline = pipeline.flatten({ background: options.background ?? '#ffffff' })
  pipeline = pipeline.toColourspace('srgb')
  pipeline =
    format === 'webp'
      ? pipeline.webp({ quality: options.quality ?? 80 })
      : pipeline.jpeg({ quality: options.quality ?? 82 })
  try {
    const { data, info: out } = await pipeline.toBuffer({ resolveWithObject: true })
    return {
      data,
      format,
      width: out.width,
      height: out.height,
      bytes: data.length,
      inputBytes: typeof input === 'string' ? (await stat(input)).size : input.length,
      tokens: imageTokens(out.width, out.height, options.model, options.detail),
      detail: options.detail
    }
  } catch (error) {
    throw error instanceof AppError ? error : imageError(error)
  }
}
