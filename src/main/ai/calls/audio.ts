import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { OpenAI } from 'openai'
import { AppError } from '@shared/errors'
import type { AiExecutor, CallContext, CallResult } from '../executor'
import { modelTraits } from '../model-traits'
import { fromTranscriptionUsage } from '../usage-parse'
import { speechUsage } from '../speech-usage'
import { openaiSdk } from '../openai-sdk'

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
  /** Speaker label, from a diarizing model. */
  speaker?: string
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
  const diarized = /diarize/i.test(request.model)
  return exec.execute(
    {
      api: 'transcription',
      model: request.model,
      needs: ['transcription'],
      run: async ({ client, model, signal }) => {
        const file = await openaiSdk().toFile(createReadStream(request.file), basename(request.file))
        const base = { file, model, language: request.language, prompt: request.prompt }
        const granularities: ('segment' | 'word')[] = request.wordTimestamps
          ? ['segment', 'word']
          : ['segment']
        const call = diarized
          ? client.audio.transcriptions.create(
              // Speaker labels need diarized_json; the model takes no prompt, and chunking for long input.
              {
                file,
                model,
                language: request.language,
                response_format: 'diarized_json',
                chunking_strategy: 'auto'
              },
              { signal }
            )
          : verbose
            ? client.audio.transcriptions.create(
                { ...base, response_format: 'verbose_json', timestamp_granularities: granularities },
                { signal }
              )
            : client.audio.transcriptions.create({ ...base, response_format: 'json' }, { signal })
        const { data: body, request_id } = await call.withResponse()
        const seconds = request.durationS ?? ('duration' in body ? body.duration : 0)
        return {
          value: toTranscription(body),
          usage: fromTranscriptionUsage(body.usage, seconds),
          requestId: request_id ?? null
        }
      }
    },
    ctx
  )
}

function toTranscription(
  body: OpenAI.Audio.Transcription | OpenAI.Audio.TranscriptionVerbose | OpenAI.Audio.TranscriptionDiarized
): Transcription {
  const verbose =
    'segments' in body || 'duration' in body ? (body as OpenAI.Audio.TranscriptionVerbose) : null
  const segments = verbose?.segments ?? []
  const words = verbose?.words ?? []
  return {
    text: body.text ?? '',
    language: verbose?.language ?? null,
    durationS: typeof verbose?.duration === 'number' ? verbose.duration : null,
    segments: segments.map((s) => ({
      start: s.start,
      end: s.end,
      text: s.text.trim(),
      ...('speaker' in s && typeof s.speaker === 'string' ? { speaker: s.speaker } : {})
    })),
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
        const params: OpenAI.Audio.SpeechCreateParams = {
          model,
          voice: request.voice,
          input: request.input,
          response_format: request.format ?? 'mp3',
          speed: request.speed,
          ...(request.instructions && /mini-tts/.test(request.model)
            ? { instructions: request.instructions }
            : {})
        }
        const { data, request_id } = await client.audio.speech.create(params, { signal }).withResponse()
        const audio = Buffer.from(await data.arrayBuffer())
        return {
          value: audio,
          usage: speechUsage(request.model, request.input),
          requestId: request_id ?? null
        }
      }
    },
    ctx
  )
}
