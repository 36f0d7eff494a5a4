import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { passthroughFrames, runFfmpeg } from '../../platform/ffmpeg/ffmpeg'
import { probeMedia } from '../probe'

/**
 * Video codecs Chromium (and so Electron) plays. Anything else, HEVC first of all (most phone
 * videos), gets a playable copy (DESIGN §7).
 */
const PLAYABLE_VIDEO = new Set(['h264', 'vp8', 'vp9', 'av1', 'theora'])

export function needsPlayableCopy(videoCodec: string | null | undefined): boolean {
  return Boolean(videoCodec) && !PLAYABLE_VIDEO.has(String(videoCodec).toLowerCase())
}

/** The longest side of a copy: enough to watch, quick to make. */
const COPY_MAX_SIDE = 1280

export interface PlayableCopyOptions {
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

/**
 * An H.264/AAC MP4 of `file` for the player: upright, at most 1280 px, on the same timeline as the
 * original (frame times kept, starting where the player's clock starts), so chapters and transcript
 * lines seek the copy exactly as they would the original.
 */
export async function makePlayableCopy(
  binaries: MediaBinaries,
  file: string,
  output: string,
  options: PlayableCopyOptions = {}
): Promise<{ durationS: number }> {
  const probe = await probeMedia(binaries, file, { signal: options.signal })
  if (!probe.video) throw new AppError('MEDIA_NO_VIDEO', 'This file has no video stream to copy.')
  const durationS = probe.durationS ?? 0
  const fit = `scale='if(gte(iw,ih),min(${COPY_MAX_SIDE},iw),-2)':'if(gte(iw,ih),-2,min(${COPY_MAX_SIDE},ih))'`
  await runFfmpeg(binaries, {
    input: file,
    outputOptions: [
      '-map',
      '0:v:0',
      '-map',
      '0:a:0?',
      '-vf',
      `${fit},format=yuv420p`,
      ...passthroughFrames(binaries),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      // The index first, so the player can seek before the whole file has been read.
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      '-y'
    ],
    output,
    signal: options.signal,
    timeoutMs: 10 * 60_000 + durationS * 4000,
    onProgress: (seconds) => durationS > 0 && options.onProgress?.(Math.min(1, seconds / durationS))
  })
  return { durationS }
}
