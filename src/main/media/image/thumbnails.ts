import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AssetKind } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { runFfmpeg, withTempDir } from '../../platform/ffmpeg/ffmpeg'
import { lazyModule } from '../../platform/lazy-module'
import { decodeHeif, rawOptions } from './heif'
import { imageError, MAX_INPUT_PIXELS, needsHeifDecoder, readImageInfo } from './image-info'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

export const THUMB_SIZE = 320
const THUMB_TIMEOUT_MS = 120_000

export interface ThumbnailRequest {
  kind: AssetKind
  file: string
  durationS: number | null
  signal?: AbortSignal
}

/** A small WebP preview: the picture for images, a poster frame for video, a waveform for audio. */
export async function makeThumbnail(
  binaries: MediaBinaries,
  tmpRoot: string,
  req: ThumbnailRequest
): Promise<Buffer> {
  if (req.kind === 'image') return imageThumbnail(req.file)
  return withTempDir(tmpRoot, async (dir) => {
    const png = join(dir, 'thumb.png')
    if (req.kind === 'video') await posterFrame(binaries, req, png)
    else await waveform(binaries, req, png)
    if (!existsSync(png))
      throw new AppError('MEDIA_DECODE_FAILED', 'No audio could be decoded for the preview.')
    return toWebp(await readFile(png))
  })
}

async function imageThumbnail(file: string): Promise<Buffer> {
  try {
    const info = await readImageInfo(file)
    const heif = needsHeifDecoder(info) ? await decodeHeif(file) : null
    const input = heif
      ? sharp()(heif.data, rawOptions(heif))
      : sharp()(file, { failOn: 'none', limitInputPixels: MAX_INPUT_PIXELS, animated: false })
    return await input
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .webp({ quality: 78 })
      .toBuffer()
  } catch (error) {
    throw error instanceof AppError ? error : imageError(error)
  }
}

async function posterFrame(binaries: MediaBinaries, req: ThumbnailRequest, output: string): Promise<void> {
  // A tenth of the way in skips black lead-ins; input seeking keeps it a single keyframe decode.
  const at = req.durationS && req.durationS > 1 ? Math.min(req.durationS * 0.1, 30) : 0
  const attempt = (seek: number): Promise<{ stderr: string }> =>
    runFfmpeg(binaries, {
      input: req.file,
      inputOptions: seek > 0 ? ['-ss', seek.toFixed(3)] : [],
      outputOptions: [
        '-map',
        '0:v:0',
        '-frames:v',
        '1',
        '-an',
        '-vf',
        `scale=${THUMB_SIZE}:${THUMB_SIZE}:force_original_aspect_ratio=decrease`,
        '-y'
      ],
      output,
      signal: req.signal,
      timeoutMs: THUMB_TIMEOUT_MS
    })
  // A seek past the last keyframe can encode nothing and still exit 0, so check for the file.
  const tryAt = async (seek: number): Promise<boolean> => {
    await attempt(seek)
    return existsSync(output)
  }
  const made = at > 0 ? await tryAt(at).catch(() => false) : false
  if (!made && !(await tryAt(0))) {
    throw new AppError('MEDIA_DECODE_FAILED', 'No video frame could be decoded for the preview.')
  }
}

async function waveform(binaries: MediaBinaries, req: ThumbnailRequest, output: string): Promise<void> {
  await runFfmpeg(binaries, {
    input: req.file,
    outputOptions: [
      '-filter_complex',
      'aformat=channel_layouts=mono,showwavespic=s=640x360:colors=0x4dabf7',
      '-frames:v',
      '1',
      '-y'
    ],
    output,
    signal: req.signal,
    timeoutMs: THUMB_TIMEOUT_MS
  })
}

async function toWebp(png: Buffer): Promise<Buffer> {
  return sharp()(png)
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer()
}
