import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import type { AssetKind } from '@shared/domain/asset'
import { AppError } from '@shared/errors'

interface KindInfo {
  kind: AssetKind
  mime: string
}

const BY_EXTENSION: Record<string, KindInfo> = {
  mp4: { kind: 'video', mime: 'video/mp4' },
  m4v: { kind: 'video', mime: 'video/mp4' },
  mov: { kind: 'video', mime: 'video/quicktime' },
  mkv: { kind: 'video', mime: 'video/x-matroska' },
  webm: { kind: 'video', mime: 'video/webm' },
  avi: { kind: 'video', mime: 'video/x-msvideo' },
  wmv: { kind: 'video', mime: 'video/x-ms-wmv' },
  flv: { kind: 'video', mime: 'video/x-flv' },
  mpg: { kind: 'video', mime: 'video/mpeg' },
  mpeg: { kind: 'video', mime: 'video/mpeg' },
  ts: { kind: 'video', mime: 'video/mp2t' },
  m2ts: { kind: 'video', mime: 'video/mp2t' },
  '3gp': { kind: 'video', mime: 'video/3gpp' },
  ogv: { kind: 'video', mime: 'video/ogg' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  flac: { kind: 'audio', mime: 'audio/flac' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  oga: { kind: 'audio', mime: 'audio/ogg' },
  opus: { kind: 'audio', mime: 'audio/opus' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  m4b: { kind: 'audio', mime: 'audio/mp4' },
  aac: { kind: 'audio', mime: 'audio/aac' },
  wma: { kind: 'audio', mime: 'audio/x-ms-wma' },
  aiff: { kind: 'audio', mime: 'audio/aiff' },
  aif: { kind: 'audio', mime: 'audio/aiff' },
  amr: { kind: 'audio', mime: 'audio/amr' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  webp: { kind: 'image', mime: 'image/webp' },
  gif: { kind: 'image', mime: 'image/gif' },
  avif: { kind: 'image', mime: 'image/avif' },
  heic: { kind: 'image', mime: 'image/heic' },
  heif: { kind: 'image', mime: 'image/heif' },
  tif: { kind: 'image', mime: 'image/tiff' },
  tiff: { kind: 'image', mime: 'image/tiff' },
  bmp: { kind: 'image', mime: 'image/bmp' }
}

export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase()
}

/** What the name says the file is; null when the extension is not one we handle. */
export function kindFromName(path: string): KindInfo | null {
  return BY_EXTENSION[extensionOf(path)] ?? null
}

/**
 * Cheap checks before any decoder runs: an empty file, or a text file wearing a media extension,
 * gets a precise message instead of a decoder's complaint.
 */
export async function sniffFile(path: string, sizeBytes: number): Promise<void> {
  if (sizeBytes === 0) throw new AppError('MEDIA_CORRUPT', 'The file is empty (0 bytes).')
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(Math.min(512, sizeBytes))
    await handle.read(head, 0, head.length, 0)
    if (looksLikeText(head)) {
      throw new AppError('MEDIA_UNSUPPORTED', 'This is a text file, not a video, image or audio file.')
    }
  } finally {
    await handle.close()
  }
}

function looksLikeText(head: Buffer): boolean {
  if (head.length < 4) return false
  const text = head.toString('utf8')
  if (text.includes('\uFFFD')) return false
  return [...text].every((ch) => ch >= ' ' || ch === '\n' || ch === '\r' || ch === '\t')
}
