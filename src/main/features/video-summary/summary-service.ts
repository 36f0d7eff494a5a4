import { createHash, randomUUID } from 'node:crypto'
import type { Asset } from '@shared/domain/asset'
import type { JobStage } from '@shared/domain/job'
import {
  SUMMARY_JOB,
  SummaryOptions,
  type ChatTurn,
  type CostEstimate,
  type SummaryOptionsInput,
  type VideoAnalysis,
  type VideoSummary
} from '@shared/domain/video'
import { AppError, toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import type { PriceService } from '../../ai/price-service'
import type { EventBus } from '../../platform/event-bus'
import type { KeyframeService } from '../video/keyframe-service'
import type { JobContext } from '../../jobs/job-kind'
import type { JobQueue } from '../../jobs/job-queue'
import type { AnalysesRepo, AnalysisRow } from './analyses-repo'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { TranscriptsRepo } from '../audio/transcripts-repo'
import type { Transcriber } from '../audio/transcriber'
import type { UsageReports } from '../../ai/usage-reports'
import { estimateSummary } from './estimate'
import { exportAnalysis, type ExportFormat } from './exports'
import { summarise } from './summary-stage'
import type { VideoChat } from './video-chat'

export const SUMMARY_KIND = 'video.summary'
const PIPELINE_VERSION = 1
const FRAME_SIZE = 1024
const DEFAULT_SUMMARY_MODEL = 'gpt-4o-mini'

export interface SummaryDeps {
  ai: AiService
  assets: AssetsRepo
  analyses: AnalysesRepo
  transcripts: TranscriptsRepo
  transcriber: Transcriber
  keyframes: KeyframeService
  blobs: BlobStore
  prices: PriceService
  usage: UsageReports
  jobs: JobQueue
  bus: EventBus
  chat: VideoChat
}

/** Video (or audio) → keyframes → transcript → chaptered summary, served from the library when known. */
export class VideoSummaryService {
  constructor(private readonly deps: SummaryDeps) {}

  async start(
    assetId: string,
    input: SummaryOptionsInput,
    force: boolean
  ): Promise<{ jobId: string | null; cached: boolean }> {
    const asset = this.media(assetId)
    const options = SummaryOptions.parse(input)
    const model = options.model ?? (await this.deps.ai.modelFor('summary', options.providerId)).model
    const cached = this.deps.analyses.byKey(this.cacheKey(asset, options, model))
    if (cached?.status === 'complete' && !force) return { jobId: null, cached: true }
    const job = this.deps.jobs.enqueue({
      kind: SUMMARY_JOB,
      title: asset.name,
      payload: { assetId, options: { ...options, model }, force },
      assetId,
      dedupeKey: `${SUMMARY_JOB}:${assetId}`
    })
    return { jobId: job.id, cached: false }
  }

  async estimate(assetId: string, input: SummaryOptionsInput): Promise<CostEstimate> {
    const asset = this.media(assetId)
    const options = SummaryOptions.parse(input)
    const model = await this.estimateModel(options)
    const stored = asset.kind === 'video' ? this.deps.keyframes.cached(assetId, frameOptions(options)) : null
    const frames =
      asset.kind !== 'video'
        ? []
        : (stored?.frames.map((f) => ({ width: f.width, height: f.height, scene: f.reason === 'scene' })) ??
          this.guessFrames(asset, options.maxFrames))
    const transcript = this.deps.transcriber.cached(asset, {
      model: options.transcribeModel,
      language: options.language
    })
    return estimateSummary(
      {
        durationS: asset.durationS ?? 0,
        hasAudio: asset.kind === 'audio' || asset.metadata.hasAudio === true,
        transcriptStored: transcript !== null,
        frames,
        model,
        detail: options.detail,
        transcribeModel: options.transcribeModel
      },
      this.deps.prices
    )
  }

  /** The job body: every stage stores its result, so a resumed job pays only for what is missing. */
  async run(
    payload: { assetId: string; options: SummaryOptionsInput; force: boolean },
    job: JobContext
  ): Promise<{ analysisId: string; cached: boolean }> {
    const asset = this.media(payload.assetId)
    const options = SummaryOptions.parse(payload.options)
    const resolved = await this.deps.ai.modelFor('summary', options.providerId)
    const { provider } = resolved
    const model = options.model ?? resolved.model
    const key = this.cacheKey(asset, options, model)
    const previous = this.deps.analyses.byKey(key)
    if (previous?.status === 'complete' && !payload.force) return { analysisId: previous.id, cached: true }
    // A deliberate re-run starts the windows afresh; a resumed run of the same job keeps them.
    if (previous && payload.force && previous.jobId !== job.job.id) this.deps.analyses.clearParts(previous.id)
    const analysis = this.deps.analyses.begin({
      id: randomUUID(),
      assetId: asset.id,
      kind: SUMMARY_KIND,
      cacheKey: key,
      options: { ...options, model },
      model,
      providerId: provider.id,
      jobId: job.job.id
    })
    const ctx: CallContext = {
      providerId: options.providerId,
      jobId: job.job.id,
      signal: job.signal,
      onWait: (w) => w.reason === 'rate-limit' && job.progress('waiting-for-rate-limit', current)
    }
    let current = 0
    const stage = (name: JobStage, from: number, to: number) => (f: number) =>
      job.progress(name, (current = from + (to - from) * f))
    try {
      stage('probing', 0, 0.02)(1)
      const frames =
        asset.kind === 'video'
          ? await this.framesFor(asset, options, job, stage('selecting-keyframes', 0.02, 0.3))
          : null
      if (frames) this.deps.analyses.link(analysis.id, { frameSetId: frames.id })
      const hasAudio = asset.kind === 'audio' || asset.metadata.hasAudio === true
      const transcript = hasAudio
        ? await this.deps.transcriber.transcribe(
            asset,
            { model: options.transcribeModel, language: options.language },
            ctx,
            stage('transcribing', 0.3, 0.6)
          )
        : null
      this.deps.analyses.link(analysis.id, { transcriptId: transcript?.id ?? null })
      const summary = await summarise(this.deps, {
        analysisId: analysis.id,
        name: asset.name,
        durationS: asset.durationS ?? transcript?.durationS ?? frames?.durationS ?? 0,
        frames: (frames?.frames ?? []).map((f) => ({ ...f, file: this.deps.blobs.absolutePath(f.path) })),
        segments: transcript?.segments ?? null,
        model,
        detail: options.detail,
        language: options.language,
        vision: provider.capabilities.vision,
        ctx,
        progress: stage('summarising', 0.6, 1)
      })
      this.deps.analyses.complete(analysis.id, summary, null)
      this.index(asset, summary, transcript?.text ?? '')
      return { analysisId: analysis.id, cached: false }
    } catch (error) {
      const info = toErrorInfo(error)
      if (info.code !== 'AI_OFFLINE') this.deps.analyses.fail(analysis.id, info, rawOf(error))
      throw error
    } finally {
      this.deps.bus.emit('library.changed', { reason: 'updated', ids: [asset.id] })
    }
  }

  get(assetId: string): VideoAnalysis | null {
    const row = this.deps.analyses.latest(assetId, SUMMARY_KIND)
    return row ? this.toAnalysis(row) : null
  }

  /** A question about the video, answered from what the library holds about it. */
  async ask(assetId: string, question: string): Promise<ChatTurn[]> {
    const asset = this.media(assetId)
    const analysis = this.get(assetId)
    if (!analysis?.summary && !analysis?.transcript)
      throw new AppError(
        'CONFLICT',
        'Summarise the video first: questions are answered from its summary, transcript and frames.'
      )
    return this.deps.chat.ask(assetId, question, {
      name: asset.name,
      durationS: asset.durationS ?? analysis.transcript?.durationS ?? 0,
      analysis
    })
  }

  conversation(assetId: string): ChatTurn[] {
    return this.deps.chat.turns(assetId)
  }

  clearConversation(assetId: string): null {
    this.deps.chat.clear(assetId)
    return null
  }

  export(assetId: string, format: ExportFormat): { filename: string; mime: string; content: string } {
    const asset = this.media(assetId)
    const analysis = this.get(assetId)
    if (!analysis?.summary && !analysis?.transcript)
      throw new AppError('CONFLICT', 'There is nothing to export yet: summarise the video first.')
    return exportAnalysis(
      {
        name: asset.name,
        durationS: asset.durationS,
        summary: analysis.summary,
        transcript: analysis.transcript,
        frames: (analysis.frames?.frames ?? []).map((f) => ({
          t: f.t,
          path: this.deps.blobs.absolutePath(f.path)
        })),
        model: analysis.model,
        costUsd: analysis.costUsd
      },
      format
    )
  }

  private async framesFor(
    asset: Asset,
    options: SummaryOptions,
    job: JobContext,
    progress: (f: number) => void
  ) {
    return (
      this.deps.keyframes.cached(asset.id, frameOptions(options)) ??
      (await this.deps.keyframes.extract(asset.id, frameOptions(options), {
        signal: job.signal,
        progress: (_s, f) => progress(f)
      }))
    )
  }

  /** Estimates work before any provider is set up, priced for the usual default model. */
  private async estimateModel(options: SummaryOptions): Promise<string> {
    if (options.model) return options.model
    try {
      return (await this.deps.ai.modelFor('summary', options.providerId)).model
    } catch (error) {
      if (toErrorInfo(error).code === 'PROVIDER_NOT_CONFIGURED') return DEFAULT_SUMMARY_MODEL
      throw error
    }
  }

  private toAnalysis(row: AnalysisRow): VideoAnalysis {
    const usage = row.jobId ? this.deps.usage.forJob(row.jobId) : []
    const sum = (pick: (u: (typeof usage)[number]) => number): number =>
      usage.reduce((total, u) => total + pick(u), 0)
    const options = SummaryOptions.parse(row.options)
    return {
      id: row.id,
      assetId: row.assetId,
      status: row.status,
      options,
      model: row.model,
      providerId: row.providerId,
      summary: (row.result as VideoSummary | null) ?? null,
      transcript: row.transcriptId ? this.deps.transcripts.get(row.transcriptId) : null,
      // The set for these options, not the asset's newest: other frame budgets may exist.
      frames: row.frameSetId ? this.deps.keyframes.cached(row.assetId, frameOptions(options)) : null,
      error: row.error,
      rawText: row.rawText,
      costUsd: Math.round(sum((u) => u.costUsd) * 1e8) / 1e8,
      usage: {
        inputTokens: sum((u) => u.inputTokens),
        cachedTokens: sum((u) => u.cachedTokens),
        outputTokens: sum((u) => u.outputTokens)
      },
      jobId: row.jobId,
      updatedAt: row.updatedAt
    }
  }

  private index(asset: Asset, summary: VideoSummary, transcript: string): void {
    const body = [
      summary.overview,
      ...summary.chapters.map((c) => `${c.title} ${c.summary}`),
      ...summary.topics,
      ...summary.people
    ].join('\n')
    this.deps.assets.upsertSearchDoc(asset.id, 'summary', summary.title, body)
    if (transcript) this.deps.assets.upsertSearchDoc(asset.id, 'transcript', asset.name, transcript)
  }

  private cacheKey(asset: Asset, options: SummaryOptions, model: string): string {
    const { providerId: _p, model: _m, ...rest } = options
    return createHash('sha256')
      .update(JSON.stringify({ v: PIPELINE_VERSION, hash: asset.hash, options: rest, model }))
      .digest('hex')
  }

  private media(assetId: string): Asset {
    const asset = this.deps.assets.require(assetId)
    if (asset.kind === 'image')
      throw new AppError('MEDIA_NO_VIDEO', `${asset.name} is an image, not a video or audio file.`)
    return asset
  }

  private guessFrames(asset: Asset, maxFrames: number) {
    const w = asset.width ?? 1280
    const h = asset.height ?? 720
    const scale = Math.min(1, FRAME_SIZE / Math.max(w, h))
    return Array.from({ length: maxFrames }, () => ({
      width: Math.round(w * scale),
      height: Math.round(h * scale),
      scene: false
    }))
  }
}

/** Summary frames are stored at FRAME_SIZE; the budget is the user's. */
function frameOptions(options: SummaryOptions): { maxFrames: number; maxSize: number } {
  return { maxFrames: options.maxFrames, maxSize: FRAME_SIZE }
}

function rawOf(error: unknown): string | null {
  const details = (error as { details?: { raw?: unknown } }).details
  return typeof details?.raw === 'string' ? details.raw : null
}
