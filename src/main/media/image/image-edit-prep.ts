import { join } from 'node:path'
import { AppError } from '@shared/errors'
import { lazyModule } from '../../platform/lazy-module'
import { readImageInfo } from './image-info'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

/** A small JPEG data URL of a partial image, light enough to push to the UI as it arrives. */
export async function previewDataUrl(image: Buffer, box = 384): Promise<string> {
  const jpeg = await sharp()(image)
    .resize(box, box, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70 })
    .toBuffer()
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`
}

/**
 * The mask the edits API expects: a PNG of the source's size whose fully transparent pixels mark
 * where the image may change. A mask of another size with the same shape is scaled to fit; one of
 * another shape is refused, since stretching it would edit the wrong place.
 */
export async function prepareMask(
  mask: Buffer,
  target: { width: number; height: number }
): Promise<{ png: Buffer; resized: boolean }> {
  const info = await readImageInfo(mask).catch(() => {
    throw new AppError('MEDIA_CORRUPT', 'The mask is not an image (it should be a PNG).')
  })
  if (!info.hasAlpha)
    throw new AppError(
      'VALIDATION_FAILED',
      'The mask has no transparency: it must be a PNG whose transparent pixels mark where to edit.'
    )
  const same = info.width === target.width && info.height === target.height
  if (!same && Math.abs(info.width / info.height - target.width / target.height) > 0.01)
    throw new AppError(
      'VALIDATION_FAILED',
      `The mask is ${info.width}×${info.height} but the image is ${target.width}×${target.height}: paint the mask on this image, or give one of the same shape.`,
      { mask: [info.width, info.height], image: [target.width, target.height] }
    )
  let pipeline = sharp()(mask).ensureAlpha()
  if (!same) pipeline = pipeline.resize(target.width, target.height, { fit: 'fill' })
  return { png: await pipeline.png().toBuffer(), resized: !same }
}

/** DALL·E 2 edits and variations take a square RGBA PNG under 4 MB. */
export async function squarePng(image: Buffer | string): Promise<Buffer> {
  const info = await readImageInfo(image)
  if (info.displayWidth !== info.displayHeight)
    throw new AppError(
      'VALIDATION_FAILED',
      `DALL·E 2 edits square images only; this one is ${info.displayWidth}×${info.displayHeight}. Use gpt-image-1, or crop it square.`
    )
  const side = Math.min(info.displayWidth, 1024)
  return sharp()(image).rotate().resize(side, side).ensureAlpha().png().toBuffer()
}

/** The image as a PNG/JPEG data URL for a Responses `input_image` (orientation applied, at most 2048 px). */
export async function inputImageDataUrl(file: string): Promise<string> {
  const png = await sharp()(file)
    .rotate()
    .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer()
  return `data:image/png;base64,${png.toString('base64')}`
}

const SENDABLE = new Set(['png', 'jpeg', 'webp'])

/**
 * The file as the image APIs take it: PNG, JPEG and WebP go as they are; anything else (HEIC, AVIF,
 * GIF, TIFF…) and any picture turned by its EXIF orientation is sent as an upright PNG, so the
 * model sees what the user saw and the mask painted on it lines up.
 */
export async function sendableImage(file: string, tmpDir: string, index: number): Promise<string> {
  const meta = await sharp()(file, { limitInputPixels: false }).metadata()
  if (meta.format && SENDABLE.has(meta.format) && (meta.orientation ?? 1) === 1) return file
  const out = join(tmpDir, `source-${index}.png`)
  await sharp()(file).rotate().png().toFile(out)
  return out
}
