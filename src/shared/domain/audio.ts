import { z } from 'zod'
import { TranscriptSegment } from './video'

/** Job kinds of the Audio page: a transcript of one asset, and speech made from a text. */
export const TRANSCRIBE_JOB = 'audio.transcribe'
export const SPEAK_JOB = 'audio.speak'

/** Transcription models offered everywhere; a diarizing one (gpt-4o-transcribe-diarize) when the provider lists it. */
export const TRANSCRIBE_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'] as const

/** Models that label speakers (gpt-4o-transcribe-diarize and its dated snapshots). */
export function diarizes(model: string): boolean {
  return /diarize/i.test(model)
}

/** Only whisper-1 gives segment and word times; the gpt-4o models return text per request. */
export function givesWordTimes(model: string): boolean {
  return /^(?:[^/]+\/)?whisper/i.test(model)
}

export const TimestampGranularity = z.enum(['segment', 'word'])

export const TranscribeOptions = z.object({
  /** Absent: the provider's transcription model. */
  model: z.string().trim().min(1).max(100).optional(),
  providerId: z.string().optional(),
  /** ISO-639-1 code ("en", "zh"); absent means the model detects it. */
  language: z.string().trim().min(2).max(20).optional(),
  /** Names and vocabulary the model should spell right. */
  prompt: z.string().trim().max(2000).optional(),
  timestamps: TimestampGranularity.default('segment')
})
export type TranscribeOptions = z.infer<typeof TranscribeOptions>
export type TranscribeOptionsInput = z.input<typeof TranscribeOptions>

export const TranscriptWord = z.object({ start: z.number(), end: z.number(), word: z.string() })
export type TranscriptWord = z.infer<typeof TranscriptWord>

/** A transcript as the Audio page shows it: the model's text, and the user's edits kept apart. */
export const TranscriptView = z.object({
  id: z.string(),
  assetId: z.string(),
  model: z.string(),
  language: z.string().nullable(),
  status: z.enum(['partial', 'complete']),
  text: z.string(),
  segments: z.array(TranscriptSegment),
  words: z.array(TranscriptWord),
  durationS: z.number().nullable(),
  prompt: z.string().nullable(),
  timestamps: TimestampGranularity,
  piecesTotal: z.number().int(),
  piecesDone: z.number().int(),
  /** Segment index → the user's text for it; the model's text stays in `segments`. */
  edits: z.record(z.string(), z.string()),
  /** Speaker label → the name the user gave it. */
  speakers: z.record(z.string(), z.string()),
  /** Finished and no speech was found (nothing was sent for silent pieces, so nothing was paid). */
  silent: z.boolean(),
  costUsd: z.number(),
  /** What the pieces sent so far used: requests, billed audio seconds (whisper-1), tokens (gpt-4o). */
  usage: z.object({
    requests: z.number().int(),
    audioSeconds: z.number(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int()
  }),
  updatedAt: z.string()
})
export type TranscriptView = z.infer<typeof TranscriptView>

export const TranscriptExportFormat = z.enum(['txt', 'srt', 'vtt', 'md', 'json'])
export type TranscriptExportFormat = z.infer<typeof TranscriptExportFormat>
export const TRANSCRIPT_EXPORT_FORMATS = TranscriptExportFormat.options

export const TranscribeEstimate = z.object({
  model: z.string(),
  durationS: z.number(),
  minutes: z.number(),
  /** Requests the file needs (it is cut at silences under the API's size and duration caps). */
  pieces: z.number().int(),
  costUsd: z.number(),
  /** The library holds this transcript already: nothing would be paid. */
  cached: z.boolean()
})
export type TranscribeEstimate = z.infer<typeof TranscribeEstimate>

// ---- Speech ------------------------------------------------------------------------------------

export const SPEECH_MODELS = ['gpt-4o-mini-tts', 'tts-1', 'tts-1-hd'] as const
export const SPEECH_FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const
export const SpeechFormat = z.enum(SPEECH_FORMATS)
export type SpeechFormat = z.infer<typeof SpeechFormat>

const CLASSIC_VOICES = ['alloy', 'ash', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer'] as const
const MINI_TTS_VOICES = [...CLASSIC_VOICES, 'ballad', 'verse', 'marin', 'cedar'] as const

/** The voices each speech model offers; null for a model we do not know (any voice is passed on). */
export function voicesFor(model: string): readonly string[] | null {
  const name = model.toLowerCase().replace(/^[^/]+\//, '')
  if (name.startsWith('gpt-4o-mini-tts')) return MINI_TTS_VOICES
  if (name === 'tts-1' || name === 'tts-1-hd' || /^tts-1(-hd)?-\d/.test(name)) return CLASSIC_VOICES
  return null
}

/** Only gpt-4o-mini-tts takes instructions (tone, accent, pace). */
export function takesInstructions(model: string): boolean {
  return /mini-tts/i.test(model)
}

export const SPEED_RANGE = { min: 0.25, max: 4 } as const
export const MAX_SPEAK_CHARS = 200_000

export const SpeakInput = z.object({
  text: z
    .string()
    .max(MAX_SPEAK_CHARS)
    .refine((text) => text.trim().length > 0, 'There is no text to speak.'),
  /** Absent: the provider's speech model. */
  model: z.string().trim().min(1).max(100).optional(),
  voice: z.string().trim().min(1).max(60).default('coral'),
  instructions: z.string().trim().max(2000).optional(),
  speed: z.number().min(SPEED_RANGE.min).max(SPEED_RANGE.max).default(1),
  format: SpeechFormat.default('mp3'),
  providerId: z.string().optional(),
  /** Name of the audio asset made from it (default: the text's first words). */
  title: z.string().trim().min(1).max(120).optional()
})
export type SpeakInput = z.input<typeof SpeakInput>

export const SpeechPiece = z.object({
  index: z.number().int(),
  chars: z.number().int(),
  durationS: z.number().nullable(),
  /** Library-relative path of this piece's audio once it arrived (played before the whole is joined). */
  path: z.string().nullable()
})

export const SpeechView = z.object({
  id: z.string(),
  status: z.enum(['running', 'complete', 'failed']),
  text: z.string(),
  model: z.string(),
  voice: z.string(),
  instructions: z.string().nullable(),
  speed: z.number(),
  format: SpeechFormat,
  chars: z.number().int(),
  pieces: z.array(SpeechPiece),
  assetId: z.string().nullable(),
  /** The joined file (library-relative), once made. */
  path: z.string().nullable(),
  durationS: z.number().nullable(),
  costUsd: z.number(),
  jobId: z.string().nullable(),
  createdAt: z.string()
})
export type SpeechView = z.infer<typeof SpeechView>

export const SpeechEstimate = z.object({
  model: z.string(),
  chars: z.number().int(),
  pieces: z.number().int(),
  /** Rough length of the speech (about 15 characters a second, 4.5 for Chinese and Japanese). */
  durationS: z.number(),
  costUsd: z.number()
})
export type SpeechEstimate = z.infer<typeof SpeechEstimate>
