import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { toFile } from 'openai'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult } from '../executor'
import { modelTraits } from '../model-traits'
import { fromTranscriptionUsage, NO_USAGE } from '../usage-parse'

/** The transcription endpoint refuses uploads over 25 MiB. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
export const MAX_SPEECH_CHARS = 4096

export interface TranscribeRequest {
  file: string
  model: string
  language?: string
  prompt?: string
  /** Seconds of audio in the file, for billing when the API reports none. */
  durationS?: number
  wordTimestamps?: boolean
}

export interface TranscriptSegment {
  start: number
  end: number
  text: string
}

export interface Transcription {
  text: string
  language: string | null
  durationS: number | null
  /** Empty for models that return plain JSON (gpt-4o-transcribe family). */
  segments: TranscriptSegment[]
  words: { start: number; end: number; word: string }[]
}

export async function transcribe(
  exec: AiExecutor,
  request: TranscribeRequest,
  ctx: CallContext
): Promise<CallResult<Transcription>> {
  const size = (await stat(request.file)).size
  if (size > MAX_UPLOAD_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The audio piece is ${(size / 1048576).toFixed(1)} MiB; transcription accepts at most 25 MiB. Prepare the audio so it is split first.`
    )
  }
  const verbose = !modelTraits(request.model).transcribeJsonOnly
  return exec.execute(
    {
      api: 'transcription',
      model: request.model,
      needs: ['transcription'],
      run: async ({ client, model, signal }) => {
        const file = await toFile(createReadStream(request.file), basename(request.file))
        const params = {
          file,
          model,
          language: request.language,
          prompt: request.prompt,
          response_format: verbose ? 'verbose_json' : 'json',
          ...(verbose
            ? { timestamp_granularities: request.wordTimestamps ? ['segment', 'word'] : ['segment'] }
            : {})
        }
        const { data, request_id } = await client.audio.transcriptions
          .create(params as never, { signal })
          .withResponse()
        const body = data as unknown as Record<string, unknown>
        return {
          value: toTranscription(body),
          usage: fromTranscriptionUsage(body.usage as never, request.durationS ?? Number(body.duration ?? 0)),
          requestId: request_id ?? null
        }
      }
    },
    ctx
  )
}

function toTranscription(body: Record<string, unknown>): Transcription {
  const segments = Array.isArray(body.segments)
    ? (body.segments as { start: number; end: number; text: string }[])
    : []
  const words = Array.isArray(body.words)
    ? (body.words as { start: number; end: number; word: string }[])
    : []
  return {
    text: String(body.text ?? ''),
    language: typeof body.language === 'string' ? body.language : null,
    durationS: typeof body.duration === 'number' ? body.duration : null,
    segments: segments.map((s) => ({ start: s.start, end: s.end, text: s.text.trim() })),
    words: words.map((w) => ({ start: w.start, end: w.end, word: w.word }))
  }
}

export interface SpeechRequest {
  model: string
  voice: string
  input: string
  format?: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm'
  speed?: number
  /** Only gpt-4o-mini-tts takes instructions. */
  instructions?: string
}

export async function speech(
  exec: AiExecutor,
  request: SpeechRequest,
  ctx: CallContext
): Promise<CallResult<Buffer>> {
  if (request.input.length > MAX_SPEECH_CHARS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Speech input is limited to ${MAX_SPEECH_CHARS} characters per request (this text has ${request.input.length}); split it at sentences.`
    )
  }
  return exec.execute(
    {
      api: 'speech',
      model: request.model,
      needs: ['speech'],
      run: async ({ client, model, signal }) => {
        const params = {
          model,
          voice: request.voice,
          input: request.input,
          response_format: request.format ?? 'mp3',
          speed: request.speed,
          ...(request.instructions && /mini-tts/.test(request.model)
            ? { instructions: request.instructions }
            : {})
        }
        const { data, request_id } = await client.audio.speech
          .create(params as never, { signal })
          .withResponse()
        const audio = Buffer.from(await (data as Response).arrayBuffer())
        return {
          value: audio,
          usage: { ...NO_USAGE, characters: request.input.length },
          requestId: request_id ?? null
        }
      }
    },
    ctx
  )
}
