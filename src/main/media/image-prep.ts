import { stat } from 'node:fs/promises'
import sharp, { type Sharp } from 'sharp'
import { AppError } from '@shared/errors'
import { imageError, MAX_INPUT_PIXELS, readImageInfo } from './image-info'
import { imageCostRule, imageTokens, targetSize, type ImageDetail } from './image-tokens'

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
  let pipeline: Sharp = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none', animated: false })
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
