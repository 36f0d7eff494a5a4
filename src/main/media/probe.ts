import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../platform/ffmpeg/binaries'
import { errorFromProcess, ffprobeJson, ffprobeLines } from '../platform/ffmpeg/ffmpeg'

export interface VideoStreamInfo {
  index: number
  codec: string
  width: number
  height: number
  /** Size after the display rotation is applied, i.e. as a viewer sees it. */
  displayWidth: number
  displayHeight: number
  fps: number | null
  avgFps: number | null
  variableFrameRate: boolean
  rotation: 0 | 90 | 180 | 270
  pixelFormat: string | null
  frameCount: number | null
}

export interface AudioStreamInfo {
  index: number
  codec: string
  sampleRate: number | null
  channels: number | null
}

export interface ProbeResult {
  container: string
  durationS: number | null
  /** Where the duration came from: the container, a stream, or a scan of packet timestamps. */
  durationSource: 'format' | 'stream' | 'packets' | 'unknown'
  /** Container start time; frame timestamps are reported relative to it. */
  startTime: number
  bitrate: number | null
  sizeBytes: number | null
  title: string | null
  video: VideoStreamInfo | null
  audio: AudioStreamInfo | null
}

interface RawStream {
  index: number
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  r_frame_rate?: string
  avg_frame_rate?: string
  duration?: string
  nb_frames?: string
  sample_rate?: string
  channels?: number
  pix_fmt?: string
  tags?: Record<string, string>
  side_data_list?: { side_data_type?: string; rotation?: number }[]
  disposition?: { attached_pic?: number }
}

interface RawProbe {
  format?: {
    format_name?: string
    start_time?: string
    duration?: string
    bit_rate?: string
    size?: string
    tags?: Record<string, string>
  }
  streams?: RawStream[]
}

const PROBE_TIMEOUT_MS = 60_000

export async function probeMedia(
  binaries: MediaBinaries,
  file: string,
  options: { signal?: AbortSignal } = {}
): Promise<ProbeResult> {
  let raw: RawProbe
  try {
    raw = await ffprobeJson<RawProbe>(binaries, file, ['-show_format', '-show_streams'], {
      signal: options.signal,
      timeoutMs: PROBE_TIMEOUT_MS
    })
  } catch (error) {
    throw errorFromProcess(error)
  }
  const streams = raw.streams ?? []
  const videoRaw = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1)
  const audioRaw = streams.find((s) => s.codec_type === 'audio')
  if (!videoRaw && !audioRaw) {
    throw new AppError('MEDIA_UNSUPPORTED', 'The file has no audio or video stream that ffmpeg can read.')
  }
  const result: ProbeResult = {
    container: friendlyContainer(raw.format?.format_name),
    durationS: null,
    durationSource: 'unknown',
    startTime: toNumber(raw.format?.start_time) ?? 0,
    bitrate: toNumber(raw.format?.bit_rate),
    sizeBytes: toNumber(raw.format?.size),
    title: raw.format?.tags?.title ?? raw.format?.tags?.TITLE ?? null,
    video: videoRaw ? toVideoInfo(videoRaw) : null,
    audio: audioRaw ? toAudioInfo(audioRaw) : null
  }
  Object.assign(result, durationFromHeaders(raw, [videoRaw, audioRaw]))
  if (result.durationS === null) {
    result.durationS = await durationFromPackets(binaries, file, options.signal)
    result.durationSource = result.durationS === null ? 'unknown' : 'packets'
  }
  return result
}

function durationFromHeaders(
  raw: RawProbe,
  streams: (RawStream | undefined)[]
): Pick<ProbeResult, 'durationS' | 'durationSource'> {
  const fromFormat = positive(toNumber(raw.format?.duration))
  if (fromFormat !== null) return { durationS: fromFormat, durationSource: 'format' }
  const fromStreams = streams
    .map((s) => positive(toNumber(s?.duration)) ?? parseClock(s?.tags?.DURATION ?? s?.tags?.duration))
    .filter((d): d is number => d !== null)
  if (fromStreams.length > 0) return { durationS: Math.max(...fromStreams), durationSource: 'stream' }
  return { durationS: null, durationSource: 'unknown' }
}

/** Containers written by MediaRecorder often have no duration; the last packet's end time is one. */
async function durationFromPackets(
  binaries: MediaBinaries,
  file: string,
  signal?: AbortSignal
): Promise<number | null> {
  let end = 0
  await ffprobeLines(
    binaries,
    file,
    ['-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0'],
    (line) => {
      const [pts, dur] = line.split(',').map(Number)
      if (Number.isFinite(pts))
        end = Math.max(end, (pts as number) + (Number.isFinite(dur) ? (dur as number) : 0))
    },
    { signal, timeoutMs: PROBE_TIMEOUT_MS }
  ).catch(() => undefined)
  return end > 0 ? end : null
}

function toVideoInfo(s: RawStream): VideoStreamInfo {
  const rotation = normaliseRotation(s)
  const width = s.width ?? 0
  const height = s.height ?? 0
  const sideways = rotation === 90 || rotation === 270
  const fps = parseRate(s.r_frame_rate)
  const avgFps = parseRate(s.avg_frame_rate)
  return {
    index: s.index,
    codec: s.codec_name ?? 'unknown',
    width,
    height,
    displayWidth: sideways ? height : width,
    displayHeight: sideways ? width : height,
    fps,
    avgFps,
    variableFrameRate: fps !== null && avgFps !== null && Math.abs(fps - avgFps) / fps > 0.05,
    rotation,
    pixelFormat: s.pix_fmt ?? null,
    frameCount: toNumber(s.nb_frames)
  }
}

function toAudioInfo(s: RawStream): AudioStreamInfo {
  return {
    index: s.index,
    codec: s.codec_name ?? 'unknown',
    sampleRate: toNumber(s.sample_rate),
    channels: s.channels ?? null
  }
}

/** Clockwise degrees a viewer must turn the stored picture; ffmpeg applies this when it decodes. */
export function normaliseRotation(s: Pick<RawStream, 'tags' | 'side_data_list'>): 0 | 90 | 180 | 270 {
  const matrix = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation
  const degrees = matrix !== undefined ? -matrix : Number(s.tags?.rotate ?? 0)
  const turned = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360
  return turned as 0 | 90 | 180 | 270
}

export function parseRate(rate: string | undefined): number | null {
  if (!rate) return null
  const [num, den] = rate.split('/').map(Number)
  if (!num || !Number.isFinite(num)) return null
  const value = den ? num / den : num
  return Number.isFinite(value) && value > 0 ? value : null
}

export function parseClock(text: string | undefined): number | null {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text?.trim() ?? '')
  if (!match) return null
  return positive(Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]))
}

const CONTAINER_NAMES: Record<string, string> = {
  'mov,mp4,m4a,3gp,3g2,mj2': 'MP4/MOV',
  'matroska,webm': 'WebM/Matroska',
  avi: 'AVI',
  mp3: 'MP3',
  flac: 'FLAC',
  ogg: 'Ogg',
  wav: 'WAV',
  mpegts: 'MPEG-TS',
  asf: 'ASF (WMV/WMA)',
  flv: 'FLV',
  aac: 'AAC'
}

/** ffprobe names demuxers ("mov,mp4,m4a,…"); people know formats. */
export function friendlyContainer(formatName: string | undefined): string {
  if (!formatName) return 'unknown'
  return CONTAINER_NAMES[formatName] ?? formatName.split(',')[0] ?? formatName
}

function toNumber(value: string | number | undefined): number | null {
  if (value === undefined || value === 'N/A') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null
}
