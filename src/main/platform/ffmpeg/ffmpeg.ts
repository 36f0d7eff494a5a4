// The only module that knows fluent-ffmpeg (archived upstream in 2025): replacing it touches one file.
import { mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { PassThrough, type Readable, type Writable } from 'node:stream'
import type { Encoders, FfmpegCommand, FfmpegCommandOptions, Formats } from 'fluent-ffmpeg'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from './binaries'
import { askDropPackets } from './features'
import { lazyModule } from '../lazy-module'
import { lastLines, ProcessFailed, runProcess } from '../process-runner'

const fluent = lazyModule<typeof import('fluent-ffmpeg')>('fluent-ffmpeg')

export interface FfmpegRun {
  input: string
  inputOptions?: string[]
  outputOptions: string[]
  output: string
  signal?: AbortSignal
  timeoutMs: number
  /** Called with the output timestamp (seconds) ffmpeg has reached. */
  onProgress?: (seconds: number) => void
  /** Every stderr line (filters such as showinfo and silencedetect report there). */
  onStderrLine?: (line: string) => void
}

/** Several inputs and outputs in one process (one spawn instead of many). */
export interface FfmpegSpec extends Omit<FfmpegRun, 'input' | 'inputOptions' | 'outputOptions' | 'output'> {
  /** A file path, or a stream fed to stdin (at most one). */
  inputs: { path: string | Readable; options?: string[] }[]
  /** Options placed before the first output (e.g. -filter_complex). */
  globalOptions?: string[]
  /** A file path, or a stream that receives stdout. */
  outputs: { target: string | Writable; options: string[] }[]
}

/** Paths always go in absolute and with the file: protocol, so names like "-x" or "http:a" stay files. */
export function inputArg(path: string): string {
  return `file:${resolve(path)}`
}

export function runFfmpeg(binaries: MediaBinaries, run: FfmpegRun): Promise<{ stderr: string }> {
  return runFfmpegSpec(binaries, {
    ...run,
    inputs: [{ path: run.input, options: run.inputOptions }],
    outputs: [{ target: run.output, options: run.outputOptions }]
  })
}

export function runFfmpegSpec(binaries: MediaBinaries, spec: FfmpegSpec): Promise<{ stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    requireBinary(binaries, 'ffmpeg')
    if (spec.signal?.aborted) return reject(new AppError('CANCELLED', 'The operation was cancelled.'))
    const command = fluentCommand(binaries, {
      timeout: Math.max(1, Math.ceil(spec.timeoutMs / 1000)),
      stdoutLines: 0
    })
    spec.inputs.forEach((input, index) => {
      command.input(typeof input.path === 'string' ? inputArg(input.path) : input.path)
      command.inputOptions([...(index === 0 ? ['-hide_banner', '-nostdin'] : []), ...(input.options ?? [])])
    })
    spec.outputs.forEach((output, index) => {
      command.output(output.target)
      command.outputOptions([...(index === 0 ? (spec.globalOptions ?? []) : []), ...output.options])
    })
    let aborted = false
    const onAbort = (): void => {
      aborted = true
      command.kill('SIGKILL')
    }
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    if (spec.onProgress || spec.onStderrLine) {
      // Parsed from stderr: fluent's own 'progress' event would spawn an extra ffprobe per run.
      command.on('stderr', (line: string) => {
        spec.onStderrLine?.(line)
        const mark = spec.onProgress ? / time=(\S+)/.exec(line)?.[1] : undefined
        if (mark) spec.onProgress?.(parseTimemark(mark))
      })
    }
    command.on('end', (_stdout: string | null, stderr: string | null) => {
      spec.signal?.removeEventListener('abort', onAbort)
      resolvePromise({ stderr: stderr ?? '' })
    })
    command.on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
      spec.signal?.removeEventListener('abort', onAbort)
      reject(translateFfmpegError(error, stderr ?? '', aborted, spec.timeoutMs))
    })
    command.run()
  })
}

/**
 * Two processes joined by a pipe: `source` writes to stdout, `sink` reads it as its only input.
 * The sink's result wins; if it fails, the source is stopped; if only the source fails, its error
 * is raised after the sink has used what arrived (callers may keep partial results).
 */
export async function runFfmpegPipeline(
  binaries: MediaBinaries,
  source: Omit<FfmpegSpec, 'signal' | 'timeoutMs' | 'outputs'> & { outputOptions: string[] },
  sink: Omit<FfmpegSpec, 'inputs'> & { inputOptions?: string[] }
): Promise<{ stderr: string }> {
  const pipe = new PassThrough()
  const stopSource = new AbortController()
  const onAbort = (): void => stopSource.abort()
  sink.signal?.addEventListener('abort', onAbort, { once: true })
  const sourceRun = runFfmpegSpec(binaries, {
    ...source,
    outputs: [{ target: pipe, options: source.outputOptions }],
    signal: stopSource.signal,
    timeoutMs: sink.timeoutMs
  })
  sourceRun.catch(() => pipe.end())
  try {
    const result = await runFfmpegSpec(binaries, {
      ...sink,
      inputs: [{ path: pipe, options: sink.inputOptions }]
    }).catch((error: unknown) => {
      stopSource.abort()
      throw error
    })
    await sourceRun
    return result
  } finally {
    sink.signal?.removeEventListener('abort', onAbort)
    await sourceRun.catch(() => undefined)
  }
}

/**
 * A fluent-ffmpeg command for this binary. Before its first run in a process fluent asks
 * `ffmpeg -formats` and `-encoders` to check the command against; those answers come from the
 * capability cache instead, so no run starts a process just to ask them.
 */
function fluentCommand(binaries: MediaBinaries, options: FfmpegCommandOptions): FfmpegCommand {
  const command = fluent()(options).setFfmpegPath(requireBinary(binaries, 'ffmpeg'))
  if (binaries.ffprobe.ok && binaries.ffprobe.path) command.setFfprobePath(binaries.ffprobe.path)
  const { formats, encoders } = binaries.ffmpeg.features ?? {}
  if (formats && encoders) {
    // fluent reads only these fields of its own tables (canMux/canDemux, type/experimental).
    const noError = null as unknown as Error
    command.availableFormats = (callback) => callback(noError, formats as unknown as Formats)
    command.availableEncoders = (callback) => callback(noError, encoders as unknown as Encoders)
  }
  return command
}

const packetDropping = new Map<string, Promise<boolean>>()

/**
 * Whether this ffmpeg can drop packets by an expression (the noise bitstream filter's `drop`,
 * FFmpeg 5.0+), which packet-selected decoding needs: from the capability cache, else asked once
 * per binary in this process.
 */
export function canDropPackets(binaries: MediaBinaries): Promise<boolean> {
  const known = binaries.ffmpeg.features?.dropPackets
  if (known !== undefined) return Promise.resolve(known)
  const binary = binaries.ffmpeg.ok ? binaries.ffmpeg.path : null
  if (!binary) return Promise.resolve(false)
  let answer = packetDropping.get(binary)
  if (!answer) {
    answer = askDropPackets(binary).catch(() => false)
    packetDropping.set(binary, answer)
  }
  return answer
}

export async function ffprobeJson<T>(
  binaries: MediaBinaries,
  file: string,
  args: readonly string[],
  options: { signal?: AbortSignal; timeoutMs: number }
): Promise<T> {
  const binary = requireBinary(binaries, 'ffprobe')
  const { stdout } = await runProcess(
    binary,
    ['-v', 'error', '-of', 'json', ...args, inputArg(file)],
    options
  )
  try {
    return JSON.parse(stdout) as T
  } catch {
    throw new AppError('MEDIA_CORRUPT', 'ffprobe returned output that could not be read.')
  }
}

/** Streams ffprobe's compact/CSV output line by line, for indexes too large to hold as JSON. */
export async function ffprobeLines(
  binaries: MediaBinaries,
  file: string,
  args: readonly string[],
  onLine: (line: string) => void,
  options: { signal?: AbortSignal; timeoutMs: number }
): Promise<void> {
  const binary = requireBinary(binaries, 'ffprobe')
  await runProcess(binary, ['-v', 'error', ...args, inputArg(file)], { ...options, onStdoutLine: onLine })
}

export async function withTempDir<T>(root: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(root, 'media-'))
  try {
    return await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Keep every decoded frame with its own timestamp (the flag was renamed in ffmpeg 5.1/6). */
export function passthroughFrames(binaries: MediaBinaries): string[] {
  return (binaries.ffmpeg.major ?? 5) >= 6 ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']
}

export function requireBinary(binaries: MediaBinaries, tool: 'ffmpeg' | 'ffprobe'): string {
  const found = binaries[tool]
  if (!found.ok || !found.path) {
    throw new AppError(
      'FFMPEG_MISSING',
      found.error ?? `${tool} is not available. Install ffmpeg or set its path.`
    )
  }
  return found.path
}

export function parseTimemark(mark: string | undefined): number {
  const match = /(-?\d+):(\d+):(\d+(?:\.\d+)?)/.exec(mark ?? '')
  if (!match) return 0
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

function translateFfmpegError(error: Error, stderr: string, aborted: boolean, timeoutMs: number): AppError {
  if (aborted) return new AppError('CANCELLED', 'The operation was cancelled.')
  if (/timeout/i.test(error.message)) {
    return new AppError('FFMPEG_TIMEOUT', `ffmpeg did not finish within ${Math.round(timeoutMs / 1000)} s.`)
  }
  if (/ENOENT|Cannot find ffmpeg/i.test(error.message)) {
    return new AppError('FFMPEG_MISSING', 'ffmpeg could not be started: the program was not found.')
  }
  return mediaErrorFromStderr(stderr || error.message)
}

/** Maps ffmpeg/ffprobe complaints to the codes the UI explains. */
export function mediaErrorFromStderr(stderr: string): AppError {
  const tail = lastLines(tidyStderr(stderr), 3)
  const details = { stderr: stderr.slice(-4000) }
  if (
    /Invalid data found|moov atom not found|could not find codec parameters|EBML header parsing failed|End of file/i.test(
      stderr
    )
  ) {
    return new AppError('MEDIA_CORRUPT', `The file is damaged or is not a media file (${tail}).`, details)
  }
  if (
    /Decoder .* not found|Unknown decoder|unsupported codec|Unsupported codec|not supported/i.test(stderr)
  ) {
    return new AppError('MEDIA_UNSUPPORTED', `This codec or format is not supported (${tail}).`, details)
  }
  return new AppError('MEDIA_DECODE_FAILED', `ffmpeg could not decode the file (${tail}).`, details)
}

/** Drops ffmpeg's "[demuxer @ 0x…]" prefixes and full paths, which only add noise to a message. */
function tidyStderr(stderr: string): string {
  return stderr.replace(/\[[^\]]+ @ 0x[0-9a-f]+\] ?/g, '').replace(/file:(\/[^:\n]*\/)?([^/:\n]+)/g, '$2')
}

export function errorFromProcess(error: unknown): unknown {
  return error instanceof ProcessFailed ? mediaErrorFromStderr(error.stderr) : error
}
