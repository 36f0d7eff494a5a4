import { z } from 'zod'
import { FrameSet } from './frames'

/** The job kind that summarises one video or audio file. */
export const SUMMARY_JOB = 'video.summarize'
/** Job kind that makes a copy of a video the player cannot decode (DESIGN §7). */
export const PLAYABLE_JOB = 'video.playable'

export const TranscriptSegment = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  /** The speaker's label ("A", "B", …) when a diarizing model transcribed it. */
  speaker: z.string().optional()
})
export type TranscriptSegment = z.infer<typeof TranscriptSegment>

export const Transcript = z.object({
  id: z.string(),
  model: z.string(),
  language: z.string().nullable(),
  text: z.string(),
  segments: z.array(TranscriptSegment),
  durationS: z.number().nullable()
})
export type Transcript = z.infer<typeof Transcript>

/** The structured summary the model fills (strict JSON schema). */
export const VideoSummary = z.object({
  title: z.string(),
  language: z.string(),
  overview: z.string(),
  chapters: z.array(z.object({ start: z.number(), end: z.number(), title: z.string(), summary: z.string() })),
  keyMoments: z.array(z.object({ t: z.number(), description: z.string() })),
  topics: z.array(z.string()),
  people: z.array(z.string()),
  actionItems: z.array(z.string())
})
export type VideoSummary = z.infer<typeof VideoSummary>

export const SummaryOptions = z.object({
  model: z.string().optional(),
  providerId: z.string().optional(),
  maxFrames: z.number().int().min(1).max(200).default(32),
  detail: z.enum(['low', 'high', 'auto']).default('auto'),
  transcribeModel: z.string().default('whisper-1'),
  language: z.string().max(20).optional()
})
export type SummaryOptions = z.infer<typeof SummaryOptions>
export type SummaryOptionsInput = z.input<typeof SummaryOptions>

export const CostEstimate = z.object({
  model: z.string(),
  frames: z.number().int(),
  detail: z.enum(['low', 'high', 'mixed']),
  imageTokens: z.number().int(),
  transcriptTokens: z.number().int(),
  promptTokens: z.number().int(),
  outputTokens: z.number().int(),
  audioMinutes: z.number(),
  windows: z.number().int(),
  costUsd: z.number()
})
export type CostEstimate = z.infer<typeof CostEstimate>

export const VideoAnalysis = z.object({
  id: z.string(),
  assetId: z.string(),
  status: z.enum(['running', 'complete', 'failed']),
  options: SummaryOptions,
  model: z.string(),
  providerId: z.string().nullable(),
  summary: VideoSummary.nullable(),
  transcript: Transcript.nullable(),
  frames: FrameSet.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  rawText: z.string().nullable(),
  costUsd: z.number(),
  usage: z.object({ inputTokens: z.number(), cachedTokens: z.number(), outputTokens: z.number() }),
  jobId: z.string().nullable(),
  updatedAt: z.string()
})
export type VideoAnalysis = z.infer<typeof VideoAnalysis>

export const ChatTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  costUsd: z.number(),
  createdAt: z.string()
})
export type ChatTurn = z.infer<typeof ChatTurn>

export const EXPORT_FORMATS = ['md', 'json', 'srt', 'vtt', 'txt'] as const
export const ExportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormat>

export const ExportedFile = z.object({ filename: z.string(), mime: z.string(), content: z.string() })
export type ExportedFile = z.infer<typeof ExportedFile>
