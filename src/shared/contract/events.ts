import { z } from 'zod'
import { AskStreamEvent } from '../domain/ask'
import { Job } from '../domain/job'
import { PlaygroundStreamEvent } from '../domain/playground'
import { Settings } from '../domain/settings'
import { VoiceEvent } from '../domain/voice'

/** Core→renderer pushes. Payloads are validated in dev/test before they are sent. */
export const events = {
  'job.updated': Job,
  'library.changed': z.object({
    reason: z.enum(['imported', 'deleted', 'updated']),
    ids: z.array(z.string())
  }),
  'settings.changed': Settings,
  'ai.stream': AskStreamEvent,
  /** A row of an image extraction run (or the run itself) changed. */
  'images.run.updated': z.object({ runId: z.string() }),
  /** Whether the default provider answers; sent when it changes while jobs wait for it. */
  'providers.status': z.object({ online: z.boolean(), checkedAt: z.string() }),
  /** A Playground turn as it streams: text, waits, tool activity, partial images. */
  'playground.stream': PlaygroundStreamEvent,
  /** A partial image of a running image request (a small JPEG data URL), shown as it arrives. */
  'gallery.partial': z.object({ runId: z.string(), index: z.number().int(), dataUrl: z.string() }),
  /** A live voice session: transcripts, model audio, speech start/stop, tool calls, turns, errors. */
  'voice.event': VoiceEvent
}

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<N extends EventName> = z.output<Events[N]>
