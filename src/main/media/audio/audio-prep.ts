import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import { runFfmpeg } from '../../platform/ffmpeg/ffmpeg'
import { PeakCollector, planPieces, SilenceCollector, type Silence } from './audio-pieces'
import { probeMedia } from '../probe'

export interface AudioPrepOptions {
  /** Folder the prepared files are written to; the caller owns (and removes) it. */
  workDir: string
  /** gpt-4o-transcribe rejects more than 1,400 s; 1,380 leaves a margin. */
  maxPieceS?: number
  /** The API's limit is 25 MiB; 24 MiB leaves room for the multipart envelope. */
  maxPieceBytes?: number
  bitrateKbps?: number
  peaks?: number
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

export interface AudioPiece {
  file: string
  startS: number
  durationS: number
  bytes: number
}

export interface PreparedAudio {
  durationS: number
  codec: 'opus' | 'mp3'
  bytes: number
  pieces: AudioPiece[]
  silences: Silence[]
  /** Linear peaks 0..1, about `peaks` of them, for drawing a waveform. */
  peaks: number[]
  elapsedMs: number
}

const SAMPLE_RATE = 16_000

/** Mono 16 kHz speech audio, low bitrate, cut at silences into pieces the transcription API accepts. */
export async function prepareAudio(
  binaries: MediaBinaries,
  file: string,
  options: AudioPrepOptions
): Promise<PreparedAudio> {
  const started = Date.now()
  const probe = await probeMedia(binaries, file, { signal: options.signal })
  if (!probe.audio) throw new AppError('MEDIA_NO_AUDIO', 'This file has no audio stream to transcribe.')
  const knownDuration = probe.durationS ?? 0
  const silence = new SilenceCollector()
  const peaks = new PeakCollector()
  const chunk = Math.max(1600, Math.ceil((knownDuration * SAMPLE_RATE) / (options.peaks ?? 1000)))
  const full = join(options.workDir, 'audio.ogg')
  const encode = (codec: 'opus' | 'mp3', output: string) =>
    runFfmpeg(binaries, {
      input: file,
      inputOptions: [],
      outputOptions: [
        '-vn',
        '-sn',
        '-dn',
        '-filter_complex',
        meterGraph(chunk),
        '-map',
        '[enc]',
        ...(codec === 'opus'
          ? ['-c:a', 'libopus', '-b:a', `${options.bitrateKbps ?? 24}k`, '-application', 'voip', '-f', 'ogg']
          : ['-c:a', 'libmp3lame', '-b:a', `${options.bitrateKbps ?? 32}k`, '-f', 'mp3']),
        '-y'
      ],
      output,
      signal: options.signal,
      timeoutMs: 120_000 + knownDuration * 200,
      onProgress: (t) => knownDuration && options.onProgress?.(Math.min(0.95, (0.95 * t) / knownDuration)),
      onStderrLine: (line) => {
        silence.line(line)
        peaks.line(line)
      }
    })
  let codec: 'opus' | 'mp3' = 'opus'
  let output = full
  try {
    await encode('opus', full)
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'MEDIA_UNSUPPORTED') throw error
    codec = 'mp3'
    output = join(options.workDir, 'audio.mp3')
    await encode('mp3', output)
  }
  const encoded = await probeMedia(binaries, output, { signal: options.signal }).catch(() => null)
  const durationS = encoded?.durationS ?? 0
  const bytes = (await stat(output)).size
  if (durationS <= 0 || bytes === 0) {
    throw new AppError(
      'MEDIA_DECODE_FAILED',
      'No audio could be decoded from this file; it may be truncated.'
    )
  }
  const plan = planPieces(durationS, silence.silences, {
    maxPieceS: options.maxPieceS ?? 1380,
    maxPieceBytes: options.maxPieceBytes ?? 24 * 1024 * 1024,
    bytesPerSecond: bytes / durationS
  })
  const pieces =
    plan.cuts.length === 0
      ? [{ file: output, startS: 0, durationS, bytes }]
      : await splitAtCuts(binaries, output, plan.cuts, codec, options)
  options.onProgress?.(1)
  return {
    durationS,
    codec,
    bytes,
    pieces,
    silences: silence.silences,
    peaks: peaks.summary(options.peaks ?? 1000),
    elapsedMs: Date.now() - started
  }
}

/** One pass splits the encoded audio by stream copy; the segment list gives each piece's times. */
async function splitAtCuts(
  binaries: MediaBinaries,
  source: string,
  cuts: number[],
  codec: 'opus' | 'mp3',
  options: AudioPrepOptions
): Promise<AudioPiece[]> {
  const ext = codec === 'opus' ? 'ogg' : 'mp3'
  const list = join(options.workDir, 'pieces.csv')
  await runFfmpeg(binaries, {
    input: source,
    outputOptions: [
      '-map',
      '0:a',
      '-c',
      'copy',
      '-f',
      'segment',
      '-segment_format',
      codec === 'opus' ? 'ogg' : 'mp3',
      '-segment_times',
      cuts.map((c) => c.toFixed(3)).join(','),
      '-reset_timestamps',
      '1',
      '-segment_list',
      list,
      '-segment_list_type',
      'csv',
      '-y'
    ],
    output: join(options.workDir, `piece_%03d.${ext}`),
    signal: options.signal,
    timeoutMs: 120_000
  })
  const rows = (await readFile(list, 'utf8')).trim().split(/\r?\n/).filter(Boolean)
  return Promise.all(
    rows.map(async (row) => {
      const [name, start, end] = row.split(',')
      const pieceFile = join(options.workDir, String(name))
      return {
        file: pieceFile,
        startS: Number(start),
        durationS: Number(end) - Number(start),
        bytes: (await stat(pieceFile)).size
      }
    })
  )
}

/** Resample to 16 kHz mono once; one branch is encoded, the other feeds the silence and peak meters. */
function meterGraph(chunk: number): string {
  return [
    `[0:a:0]aresample=${SAMPLE_RATE},aformat=sample_fmts=s16:channel_layouts=mono,asplit=2[enc][meter]`,
    `[meter]silencedetect=noise=-35dB:d=0.35,asetnsamples=n=${chunk},astats=metadata=1:reset=1,ametadata=mode=print:key=lavfi.astats.Overall.Peak_level,anullsink`
  ].join(';')
}
