import { z } from 'zod'
import { VoiceCapability, VoiceSessionSummary, VoiceSessionView, VoiceSettings } from '../domain/voice'
import { ExportedFile } from '../domain/video'
import { route } from './define'

const SessionRef = z.object({ sessionId: z.string().min(1) })
/** About 2 s of 24 kHz PCM16 in base64: the page sends 20–100 ms at a time. */
const MAX_CHUNK_CHARS = 200_000

export const voiceRoutes = {
  /** Whether the provider offers Realtime, with the models and voices to pick from. */
  'voice.capability': route({
    input: z.object({ providerId: z.string().optional() }).default({}),
    output: VoiceCapability
  }),
  /** Opens a Realtime session in the core (the key never leaves it); events follow as `voice.event`. */
  'voice.start': route({ input: VoiceSettings, output: z.object({ sessionId: z.string() }) }),
  /** A chunk of microphone audio: base64 PCM16 mono 24 kHz. */
  'voice.audio': route({
    input: SessionRef.extend({ pcm: z.string().min(1).max(MAX_CHUNK_CHARS) }),
    output: z.null()
  }),
  /** Push-to-talk let go: the audio sent so far is the user's turn; the model answers. */
  'voice.commit': route({ input: SessionRef, output: z.null() }),
  /** A typed message (text-only mode, or no microphone). */
  'voice.text': route({
    input: SessionRef.extend({ text: z.string().trim().min(1).max(10_000) }),
    output: z.null()
  }),
  /** Barge-in: the answer stops and the server keeps only what the user heard. */
  'voice.interrupt': route({
    input: SessionRef.extend({
      playedMs: z.number().min(0).max(3_600_000),
      /** The answer item being heard; without it, the last one that brought audio. */
      itemId: z.string().min(1).max(200).optional()
    }),
    output: z.null()
  }),
  'voice.end': route({ input: SessionRef, output: VoiceSessionView }),
  /** Past sessions newest first, or those whose transcript matches (CJK included). */
  'voice.sessions': route({
    input: z
      .object({
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional()
      })
      .default({ limit: 50 }),
    output: z.object({ items: z.array(VoiceSessionSummary), nextCursor: z.string().nullable() })
  }),
  'voice.session': route({ input: SessionRef, output: VoiceSessionView }),
  'voice.export': route({ input: SessionRef, output: ExportedFile }),
  'voice.delete': route({ input: SessionRef, output: z.object({ deleted: z.boolean() }) })
}
