import type { FunctionDef } from '@shared/domain/playground'
import type { Frame } from '@shared/domain/frames'
import type { VideoSummary } from '@shared/domain/video'
import { AppError } from '@shared/errors'

/** What the local functions read: the library, transcripts, summaries and keyframes. */
export interface LocalSources {
  searchLibrary(
    query: string,
    limit: number
  ): { id: string; name: string; kind: string; durationS: number | null }[]
  transcript(
    assetId: string
  ): { text: string; segments: { start: number; end: number; text: string }[] } | null
  summary(assetId: string): VideoSummary | null
  keyframes(assetId: string): Frame[] | null
}

const object = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false
})
const assetId = { type: 'string', description: 'The id of a library item (from search_library).' }

/** Framewise's own functions, offered to the model when the user lets Framewise answer calls. */
export const LOCAL_FUNCTIONS: FunctionDef[] = [
  {
    name: 'search_library',
    description:
      'Search the user’s media library (videos, images, audio) by words of names, transcripts, summaries and captions.',
    parameters: object({
      query: { type: 'string', description: 'Words to look for.' },
      limit: { type: 'integer', description: 'At most this many results (1–20).' }
    }),
    strict: true
  },
  {
    name: 'get_transcript',
    description: 'The timestamped transcript of a video or audio item of the library.',
    parameters: object({ assetId }),
    strict: true
  },
  {
    name: 'get_summary',
    description: 'The summary of a video of the library: overview, chapters, key moments, topics.',
    parameters: object({ assetId }),
    strict: true
  },
  {
    name: 'keyframes_at',
    description: 'The keyframes of a video nearest to a time, with their timestamps and stored paths.',
    parameters: object({
      assetId,
      seconds: { type: 'number', description: 'Time in the video, in seconds.' }
    }),
    strict: true
  }
]

const MAX_TRANSCRIPT_CHARS = 30_000

export function isLocalFunction(name: string): boolean {
  return LOCAL_FUNCTIONS.some((f) => f.name === name)
}

/** Runs a local function with checked arguments; its answer is the JSON the model reads. */
export function runLocalFunction(sources: LocalSources, name: string, args: Record<string, unknown>): string {
  const id = String(args.assetId ?? '')
  switch (name) {
    case 'search_library': {
      const limit = Math.min(20, Math.max(1, Number(args.limit) || 5))
      return JSON.stringify({ results: sources.searchLibrary(String(args.query ?? ''), limit) })
    }
    case 'get_transcript': {
      const transcript = sources.transcript(id)
      if (!transcript) return JSON.stringify({ error: `Item ${id} has no transcript yet.` })
      return JSON.stringify({
        text: transcript.text.slice(0, MAX_TRANSCRIPT_CHARS),
        segments: transcript.segments.slice(0, 400)
      })
    }
    case 'get_summary': {
      const summary = sources.summary(id)
      return JSON.stringify(summary ?? { error: `Item ${id} has no summary yet.` })
    }
    case 'keyframes_at':
      return JSON.stringify(nearestFrames(sources.keyframes(id), Number(args.seconds), id))
    default:
      throw new AppError('NOT_FOUND', `Framewise has no local function “${name}”.`)
  }
}

function nearestFrames(frames: Frame[] | null, seconds: number, id: string) {
  if (!frames || frames.length === 0) return { error: `Item ${id} has no keyframes yet.` }
  const nearest = [...frames].sort((a, b) => Math.abs(a.t - seconds) - Math.abs(b.t - seconds)).slice(0, 3)
  return {
    frames: nearest.sort((a, b) => a.t - b.t).map((f) => ({ t: f.t, path: f.path, reason: f.reason }))
  }
}
