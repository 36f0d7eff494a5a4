import type { TranscriptSegment, VideoSummary } from '@shared/domain/video'

/** What the tools read of the library; app wiring maps it onto the library, summary and audio services. */
export interface LibraryReader {
  search(
    query: string,
    limit: number
  ): { id: string; name: string; kind: string; durationS: number | null; snippet: string | null }[]
  summary(assetId: string): VideoSummary | null
  transcript(assetId: string): { text: string; segments: TranscriptSegment[] } | null
}

export interface FunctionTool {
  type: 'function'
  name: string
  description: string
  parameters: Record<string, unknown>
}

const MAX_OUTPUT_CHARS = 6000
const MAX_MOMENTS = 8

const stringProp = (description: string) => ({ type: 'string', description })

/** Framewise's local functions, offered to the model as Realtime function tools (GA flat shape). */
export const VOICE_TOOLS: FunctionTool[] = [
  {
    type: 'function',
    name: 'search_library',
    description:
      "Search the user's Framewise library (videos, audio, images) by words in names, transcripts and summaries.",
    parameters: {
      type: 'object',
      properties: { query: stringProp('Words to look for') },
      required: ['query']
    }
  },
  {
    type: 'function',
    name: 'read_video',
    description:
      'Read the summary (overview, chapters) or the transcript of a library item found by search_library.',
    parameters: {
      type: 'object',
      properties: {
        asset_id: stringProp('The id search_library returned'),
        part: { type: 'string', enum: ['summary', 'transcript'] }
      },
      required: ['asset_id', 'part']
    }
  },
  {
    type: 'function',
    name: 'find_moment',
    description:
      'Find the moments (start and end in seconds) where a phrase is said, in one item or across the library.',
    parameters: {
      type: 'object',
      properties: {
        phrase: stringProp('What was said'),
        asset_id: stringProp('Optional: look only in this item')
      },
      required: ['phrase']
    }
  }
]

/** Runs a tool call; anything thrown becomes the error text the model gets as the output. */
export class VoiceTools {
  constructor(private readonly library: LibraryReader) {}

  run(name: string, argumentsJson: string): { output: string; failed: boolean } {
    try {
      const args = parseArgs(argumentsJson)
      return { output: clip(JSON.stringify(this.dispatch(name, args))), failed: false }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { output: JSON.stringify({ error: message }), failed: true }
    }
  }

  private dispatch(name: string, args: Record<string, unknown>): unknown {
    if (name === 'search_library') return { results: this.library.search(required(args, 'query'), 8) }
    if (name === 'read_video') return this.read(required(args, 'asset_id'), args.part === 'transcript')
    if (name === 'find_moment') return { moments: this.findMoments(required(args, 'phrase'), args.asset_id) }
    throw new Error(`There is no function called ${name}.`)
  }

  private read(assetId: string, transcript: boolean): unknown {
    if (transcript) {
      const found = this.library.transcript(assetId)
      if (!found) throw new Error(`Item ${assetId} has no transcript yet.`)
      return { transcript: found.text }
    }
    const summary = this.library.summary(assetId)
    if (!summary) throw new Error(`Item ${assetId} has no summary yet.`)
    return {
      title: summary.title,
      overview: summary.overview,
      chapters: summary.chapters,
      topics: summary.topics
    }
  }

  private findMoments(phrase: string, assetId: unknown): unknown[] {
    const ids =
      typeof assetId === 'string' && assetId
        ? [{ id: assetId, name: assetId }]
        : this.library.search(phrase, 10)
    const needle = phrase.toLocaleLowerCase()
    return ids
      .flatMap((item) =>
        (this.library.transcript(item.id)?.segments ?? [])
          .filter((segment) => segment.text.toLocaleLowerCase().includes(needle))
          .map((segment) => ({
            asset_id: item.id,
            name: item.name,
            start: segment.start,
            end: segment.end,
            text: segment.text.trim()
          }))
      )
      .slice(0, MAX_MOMENTS)
  }
}

function parseArgs(json: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(json || '{}')
  if (!parsed || typeof parsed !== 'object') throw new Error('The arguments are not a JSON object.')
  return parsed as Record<string, unknown>
}

function required(args: Record<string, unknown>, key: string): string {
  const value = args[key]
  if (typeof value !== 'string' || !value.trim()) throw new Error(`“${key}” is missing.`)
  return value.trim()
}

function clip(text: string): string {
  return text.length <= MAX_OUTPUT_CHARS ? text : `${text.slice(0, MAX_OUTPUT_CHARS)}…`
}
