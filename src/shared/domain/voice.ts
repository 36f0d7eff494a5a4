import { z } from 'zod'

export const REALTIME_MODELS = ['gpt-realtime', 'gpt-realtime-mini'] as const
export const REALTIME_VOICES = [
  'marin',
  'cedar',
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse'
] as const
export const INPUT_TRANSCRIPTION_MODELS = [
  'gpt-4o-mini-transcribe',
  'gpt-4o-transcribe',
  'whisper-1'
] as const

/** How a turn ends: the server hears the pause (plain or semantic VAD), or the user lets go of a key. */
export const TurnDetection = z.enum(['server_vad', 'semantic_vad', 'push_to_talk'])
export type TurnDetection = z.infer<typeof TurnDetection>

export const VoiceSettings = z.object({
  providerId: z.string().optional(),
  model: z.string().trim().min(1).max(100).default('gpt-realtime'),
  voice: z.string().trim().min(1).max(40).default('marin'),
  instructions: z.string().max(20_000).default(''),
  turnDetection: TurnDetection.default('server_vad'),
  vadThreshold: z.number().min(0).max(1).default(0.5),
  prefixPaddingMs: z.number().int().min(0).max(5000).default(300),
  silenceDurationMs: z.number().int().min(0).max(10_000).default(500),
  eagerness: z.enum(['low', 'medium', 'high', 'auto']).default('auto'),
  /** Empty: the user's speech is not transcribed (their side of the transcript stays empty). */
  transcriptionModel: z.string().max(100).default('gpt-4o-mini-transcribe'),
  noiseReduction: z.enum(['off', 'near_field', 'far_field']).default('off'),
  /** 0 means no limit ("inf" on the wire). */
  maxOutputTokens: z.number().int().min(0).max(4096).default(0),
  /** "audio" answers in speech with its transcript; "text" answers in text only. */
  modality: z.enum(['audio', 'text']).default('audio'),
  localTools: z.boolean().default(true),
  saveAudio: z.boolean().default(false),
  /** A session nobody speaks in for this long is closed (and its usage kept). */
  idleMinutes: z.number().int().min(1).max(240).default(10)
})
export type VoiceSettings = z.infer<typeof VoiceSettings>
export type VoiceSettingsInput = z.input<typeof VoiceSettings>

export const VoiceUsage = z.object({
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cachedTokens: z.number().int(),
  audioInputTokens: z.number().int(),
  audioOutputTokens: z.number().int()
})
export type VoiceUsage = z.infer<typeof VoiceUsage>

export const VoiceTurn = z.object({
  seq: z.number().int(),
  role: z.enum(['user', 'assistant', 'tool']),
  itemId: z.string().nullable(),
  text: z.string(),
  tool: z
    .object({ name: z.string(), arguments: z.string(), output: z.string(), failed: z.boolean() })
    .nullable(),
  /** Relative to the library's voice folder; set when "save audio" was on. */
  audioPath: z.string().nullable(),
  /** End of the user's speech → first audio of this answer, as Framewise saw it. */
  latencyMs: z.number().nullable(),
  /** The answer was cut short (the user spoke over it, or the connection dropped). */
  interrupted: z.boolean(),
  costUsd: z.number(),
  createdAt: z.string()
})
export type VoiceTurn = z.infer<typeof VoiceTurn>

export const VoiceSessionSummary = z.object({
  id: z.string(),
  title: z.string(),
  model: z.string(),
  voice: z.string(),
  providerId: z.string().nullable(),
  status: z.enum(['open', 'ended', 'failed']),
  turns: z.number().int(),
  usage: VoiceUsage,
  costUsd: z.number(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** A search result's excerpt of the matching turn. */
  snippet: z.string().nullable()
})
export type VoiceSessionSummary = z.infer<typeof VoiceSessionSummary>

export const VoiceSessionView = VoiceSessionSummary.extend({
  settings: VoiceSettings,
  turnList: z.array(VoiceTurn),
  error: z.object({ code: z.string(), message: z.string() }).nullable()
})
export type VoiceSessionView = z.infer<typeof VoiceSessionView>

export const VoiceCapability = z.object({
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  realtime: z.boolean(),
  models: z.array(z.string()),
  voices: z.array(z.string()),
  transcriptionModels: z.array(z.string())
})
export type VoiceCapability = z.infer<typeof VoiceCapability>

const base = { sessionId: z.string() }

/** Everything a live session tells the page, one discriminated event (`voice.event`). */
export const VoiceEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('status'),
    status: z.enum(['connecting', 'open', 'reconnecting', 'reconnected', 'closed']),
    reason: z.string().nullable()
  }),
  z.object({
    ...base,
    type: z.literal('speech'),
    state: z.enum(['started', 'stopped']),
    audioMs: z.number()
  }),
  z.object({
    ...base,
    type: z.literal('transcript'),
    role: z.enum(['user', 'assistant']),
    itemId: z.string(),
    /** A delta while `final` is false; the whole text once it is true. */
    text: z.string(),
    final: z.boolean()
  }),
  /** Base64 PCM16 mono 24 kHz, at most 100 ms per event. */
  z.object({ ...base, type: z.literal('audio'), itemId: z.string(), seq: z.number().int(), pcm: z.string() }),
  z.object({
    ...base,
    type: z.literal('tool'),
    callId: z.string(),
    name: z.string(),
    arguments: z.string(),
    /** Null while the call runs. */
    output: z.string().nullable(),
    failed: z.boolean()
  }),
  z.object({
    ...base,
    type: z.literal('turn'),
    itemId: z.string().nullable(),
    latencyMs: z.number().nullable(),
    usage: VoiceUsage,
    costUsd: z.number()
  }),
  z.object({ ...base, type: z.literal('error'), code: z.string(), message: z.string() })
])
export type VoiceEvent = z.infer<typeof VoiceEvent>
