import { forEachLimited } from '@shared/concurrency'
import { VideoSummary, type TranscriptSegment } from '@shared/domain/video'
import type { Frame } from '@shared/domain/frames'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import { schemaFromZod } from '../../ai/structured'
import { prepareImage } from '../../media/image/image-prep'
import type { AnalysesRepo } from './analyses-repo'
import { normaliseSummary } from './chapters'
import { chooseDetails } from './detail-budget'
import { WINDOW_S, windowCount } from './estimate'
import { mergeMessages, summaryMessages, type PromptFrame } from './prompt'

const SCHEMA = schemaFromZod('video_summary', VideoSummary)

export interface SummaryInput {
  analysisId: string
  name: string
  durationS: number
  frames: (Frame & { file: string })[]
  segments: TranscriptSegment[] | null
  model: string
  detail: 'low' | 'high' | 'auto'
  language?: string
  vision: boolean
  ctx: CallContext
  progress: (fraction: number) => void
}

/** One request for short videos; for long ones, windows in parallel (stored as they finish), then a merge. */
export async function summarise(
  deps: { ai: AiService; analyses: AnalysesRepo },
  input: SummaryInput
): Promise<VideoSummary> {
  input.progress(0)
  const count = windowCount(input.durationS)
  const windows = Array.from({ length: count }, (_, index) => ({
    index,
    count,
    from: index * WINDOW_S,
    to: index === count - 1 ? input.durationS : (index + 1) * WINDOW_S
  }))
  if (count === 1) return normaliseSummary(await summariseWindow(deps, input, null), input.durationS)
  const done = deps.analyses.parts(input.analysisId)
  let finished = done.size
  await forEachLimited(
    windows.filter((w) => !done.has(w.index)),
    2,
    async (window) => {
      const part = await summariseWindow(deps, input, window)
      deps.analyses.savePart(input.analysisId, window.index, part)
      done.set(window.index, part)
      input.progress((0.85 * (finished += 1)) / count)
    }
  )
  const parts = windows.map((w) => done.get(w.index))
  const merged = await deps.ai.chat(
    {
      model: input.model,
      messages: mergeMessages({
        name: input.name,
        durationS: input.durationS,
        parts,
        language: input.language
      }),
      responseFormat: SCHEMA,
      onContextTooLong: 'fail'
    },
    { ...input.ctx, requestKey: `summary:${input.analysisId}:${input.ctx.jobId ?? '-'}:merge` }
  )
  return normaliseSummary(merged.value.parsed as VideoSummary, input.durationS)
}

async function summariseWindow(
  deps: { ai: AiService },
  input: SummaryInput,
  window: { index: number; count: number; from: number; to: number } | null
): Promise<VideoSummary> {
  const frames = input.vision
    ? input.frames.filter((f) => !window || (f.t >= window.from && f.t < window.to))
    : []
  const details = chooseDetails(
    frames.map((f) => ({ width: f.width, height: f.height, scene: f.reason === 'scene' })),
    input.model,
    input.detail
  )
  const prepared: PromptFrame[] = await Promise.all(
    frames.map(async (frame, i) => {
      const detail = details[i] ?? 'low'
      const image = await prepareImage(frame.file, { model: input.model, detail })
      return { t: frame.t, detail, dataUrl: `data:image/jpeg;base64,${image.data.toString('base64')}` }
    })
  )
  const messages = summaryMessages({
    name: input.name,
    durationS: input.durationS,
    frames: prepared,
    segments: input.segments,
    language: input.language,
    window: window ?? undefined
  })
  const result = await deps.ai.chat(
    { model: input.model, messages, responseFormat: SCHEMA, onContextTooLong: 'shrink-images' },
    {
      ...input.ctx,
      requestKey: `summary:${input.analysisId}:${input.ctx.jobId ?? '-'}:${window?.index ?? 'all'}`
    }
  )
  return result.value.parsed as VideoSummary
}
