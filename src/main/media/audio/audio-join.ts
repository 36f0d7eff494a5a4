import { copyFile } from 'node:fs/promises'
import { forEachLimited } from '@shared/concurrency'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { runFfmpeg, runFfmpegSpec } from '../../platform/ffmpeg/ffmpeg'
import { probeMedia } from '../probe'

/** Containers the joined speech is written in (raw PCM is kept as WAV, which players and ffprobe read). */
export type JoinFormat = 'mp3' | 'opus' | 'aac' | 'flac' | 'wav'

/** Extension of a piece as the speech API sends it (AAC comes as a bare ADTS stream). */
export const PIECE_EXTENSION: Record<JoinFormat, string> = {
  mp3: 'mp3',
  opus: 'ogg',
  aac: 'aac',
  flac: 'flac',
  wav: 'wav'
}

/** Extension of the joined file: AAC goes into M4A, whose length is exact (ADTS only estimates it). */
export const JOIN_EXTENSION: Record<JoinFormat, string> = { ...PIECE_EXTENSION, aac: 'm4a' }

const ENCODE: Record<JoinFormat, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k', '-f', 'mp3'],
  opus: ['-c:a', 'libopus', '-b:a', '64k', '-f', 'ogg'],
  aac: ['-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'ipod'],
  flac: ['-c:a', 'flac', '-f', 'flac'],
  wav: ['-c:a', 'pcm_s16le', '-f', 'wav']
}

export interface JoinedAudio {
  durationS: number
  /** Each input's own decoded length, in order: the joined file is their sum. */
  pieceDurationsS: number[]
}

/**
 * Joins audio files end to end without gaps or clicks: every piece is decoded and the samples are
 * concatenated (ffmpeg's concat filter, after resampling to one rate and layout), then encoded once.
 * One piece is copied as it is.
 */
export async function joinAudio(
  binaries: MediaBinaries,
  inputs: readonly string[],
  output: string,
  format: JoinFormat,
  options: { signal?: AbortSignal } = {}
): Promise<JoinedAudio> {
  if (inputs.length === 0) throw new AppError('VALIDATION_FAILED', 'There is no audio to join.')
  const first = await probeMedia(binaries, inputs[0] as string, { signal: options.signal })
  // A few at a time: a long text has dozens of pieces.
  const pieceDurationsS: number[] = new Array<number>(inputs.length).fill(0)
  await forEachLimited(
    inputs.map((file, i) => ({ file, i })),
    4,
    async ({ file, i }) => void (pieceDurationsS[i] = await decodedSeconds(binaries, file, options)),
    options.signal
  )
  if (inputs.length === 1 && PIECE_EXTENSION[format] === JOIN_EXTENSION[format]) {
    await copyFile(inputs[0] as string, output)
    return { durationS: pieceDurationsS[0] ?? 0, pieceDurationsS }
  }
  const rate = first.audio?.sampleRate ?? 24_000
  const total = pieceDurationsS.reduce((sum, d) => sum + d, 0)
  const normalise = inputs
    .map((_, i) => `[${i}:a:0]aresample=${rate},aformat=sample_fmts=s16:channel_layouts=mono[a${i}]`)
    .join(';')
  const chain = `${inputs.map((_, i) => `[a${i}]`).join('')}concat=n=${inputs.length}:v=0:a=1[out]`
  await runFfmpegSpec(binaries, {
    inputs: inputs.map((path) => ({ path })),
    globalOptions: ['-filter_complex', `${normalise};${chain}`],
    outputs: [{ target: output, options: ['-map', '[out]', '-ac', '1', ...ENCODE[format], '-y'] }],
    signal: options.signal,
    timeoutMs: 120_000 + total * 100
  })
  const joined = await probeMedia(binaries, output, { signal: options.signal })
  return { durationS: joined.durationS ?? total, pieceDurationsS }
}

/**
 * How long a file plays, by decoding it: exact for every format, where a container's own figure is
 * an estimate for some (ADTS AAC, MP3 without a Xing header).
 */
export async function decodedSeconds(
  binaries: MediaBinaries,
  file: string,
  options: { signal?: AbortSignal } = {}
): Promise<number> {
  let seconds = 0
  await runFfmpeg(binaries, {
    input: file,
    outputOptions: ['-vn', '-f', 'null'],
    output: '-',
    signal: options.signal,
    timeoutMs: 120_000,
    onProgress: (t) => (seconds = Math.max(seconds, t))
  })
  return seconds
}
