import { z } from 'zod'
import {
  MAX_SPEAK_CHARS,
  SpeakInput,
  SpeechEstimate,
  SpeechView,
  TranscribeEstimate,
  TranscribeOptions,
  TranscriptExportFormat,
  TranscriptView
} from '../domain/audio'
import { ExportedFile } from '../domain/video'
import { route } from './define'

const AssetRef = z.object({ assetId: z.string().min(1) })
const TranscriptRef = z.object({ transcriptId: z.string().min(1) })
const SpeechRef = z.object({ speechId: z.string().min(1) })
const defaultOptions = TranscribeOptions.parse({})

export const audioRoutes = {
  /** Starts transcribing an audio or video file; `cached` when the library holds this transcript. */
  'audio.transcribe': route({
    input: AssetRef.extend({
      options: TranscribeOptions.default(defaultOptions),
      force: z.boolean().default(false)
    }),
    output: z.object({
      jobId: z.string().nullable(),
      cached: z.boolean(),
      transcriptId: z.string().nullable()
    })
  }),
  /** Minutes × the model's price, before anything is sent. */
  'audio.estimate': route({
    input: AssetRef.extend({ options: TranscribeOptions.default(defaultOptions) }),
    output: TranscribeEstimate
  }),
  /** The asset's newest transcript (or the one asked for), finished or still coming in. */
  'audio.transcript': route({
    input: AssetRef.extend({ transcriptId: z.string().min(1).optional() }),
    output: TranscriptView.nullable()
  }),
  /** Edits lines and names speakers; a null text reverts that line to the model's. */
  'audio.transcript.update': route({
    input: TranscriptRef.extend({
      edits: z
        .array(z.object({ index: z.number().int().min(0), text: z.string().max(10_000).nullable() }))
        .max(10_000)
        .default([]),
      speakers: z.record(z.string().max(60), z.string().trim().max(60)).default({})
    }),
    output: TranscriptView
  }),
  'audio.transcript.export': route({
    input: TranscriptRef.extend({
      format: TranscriptExportFormat,
      /** The model's text instead of the edited one. */
      original: z.boolean().default(false)
    }),
    output: ExportedFile
  }),
  /** Text → speech, in pieces under the API's limit, joined into one audio asset. */
  'audio.speak': route({
    input: SpeakInput,
    output: z.object({ jobId: z.string(), speechId: z.string() })
  }),
  'audio.speech': route({ input: SpeechRef, output: SpeechView }),
  /** The text and parameters an audio asset was spoken from, if Framewise made it. */
  'audio.speech.forAsset': route({ input: AssetRef, output: SpeechView.nullable() }),
  'audio.speeches': route({
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }),
    output: z.array(SpeechView)
  }),
  'audio.speech.estimate': route({
    input: z.object({
      text: z.string().max(MAX_SPEAK_CHARS),
      model: z.string().trim().min(1).max(100).optional(),
      providerId: z.string().optional()
    }),
    output: SpeechEstimate
  })
}
