import { spawn } from 'node:child_process'
import { AppError } from '@shared/errors'

export interface RunOptions {
  signal?: AbortSignal
  timeoutMs: number
  /** Output beyond this is dropped (the tail of stderr is what explains failures). */
  maxOutputBytes?: number
  onStdoutLine?: (line: string) => void
}

export interface RunOutput {
  stdout: string
  stderr: string
}

const DEFAULT_MAX_OUTPUT = 8 * 1024 * 1024
const STDERR_TAIL = 64 * 1024

/** Spawns a tool without a shell; kills it on timeout or abort and always settles. */
export function runProcess(binary: string, args: readonly string[], options: RunOptions): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled())
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    const out = collectStdout(child.stdout, options)
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL)
    })
    let failure: AppError | null = null
    const kill = (reason: AppError): void => {
      failure ??= reason
      child.kill('SIGKILL')
    }
    const timer = setTimeout(() => kill(timedOut(binary, options.timeoutMs)), options.timeoutMs)
    const onAbort = (): void => kill(cancelled())
    options.signal?.addEventListener('abort', onAbort, { once: true })
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= error.code === 'ENOENT' ? missing(binary) : new AppError('INTERNAL', error.message)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      out.flush()
      if (failure) return reject(failure)
      if (code !== 0) return reject(new ProcessFailed(binary, code, stderr))
      resolve({ stdout: out.text(), stderr })
    })
  })
}

export class ProcessFailed extends Error {
  constructor(
    readonly binary: string,
    readonly exitCode: number | null,
    readonly stderr: string
  ) {
    super(`${binary} exited with code ${exitCode}: ${lastLines(stderr, 3)}`)
    this.name = 'ProcessFailed'
  }
}

export function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ')
}

function collectStdout(
  stream: NodeJS.ReadableStream,
  options: RunOptions
): { text: () => string; flush: () => void } {
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT
  const chunks: Buffer[] = []
  let size = 0
  let partial = ''
  stream.on('data', (chunk: Buffer) => {
    if (options.onStdoutLine) {
      const lines = (partial + chunk.toString('utf8')).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) options.onStdoutLine(line)
      return
    }
    if (size < max) chunks.push(chunk)
    size += chunk.length
  })
  return {
    text: () => Buffer.concat(chunks).toString('utf8'),
    flush: () => {
      if (options.onStdoutLine && partial) options.onStdoutLine(partial)
      partial = ''
    }
  }
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The operation was cancelled.')
}

function timedOut(binary: string, ms: number): AppError {
  return new AppError(
    'FFMPEG_TIMEOUT',
    `${binary} did not finish within ${Math.round(ms / 1000)} s and was stopped.`
  )
}

function missing(binary: string): AppError {
  return new AppError('FFMPEG_MISSING', `Could not start ${binary}: the program was not found.`)
}
