import type { Asset } from '@shared/domain/asset'
import {
  givesWordTimes,
  TRANSCRIBE_JOB,
  TranscribeOptions,
  type TranscribeEstimate,
  type TranscribeOptionsInput,
  type TranscriptExportFormat,
  type TranscriptView
} from '@shared/domain/audio'
import type { ExportedFile } from '@shared/domain/video'
import { AppError, toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import type { PriceService } from '../../ai/price-service'
import type { JobContext } from '../../jobs/job-kind'
import type { JobQueue } from '../../jobs/job-queue'
import type { EventBus } from '../../platform/event-bus'
import type { AssetsRepo } from '../../store/assets-repo'
import { transcriptionCost } from './estimates'
import type { PreparedAudioCache } from './prepared-audio'
import { editedSegments, exportTranscript } from './transcript-exports'
import { mergePieces } from './transcript-merge'
import type { TranscribeChoice, Transcriber } from './transcriber'
import type { StoredTranscript, TranscriptsRepo } from './transcripts-repo'

/** gpt-4o-transcribe rejects more than 1,400 s a request; the preparation cuts at 1,380 s less a margin. */
const PIECE_S = 1380 * 0.98
const DEFAULT_MODEL = 'whisper-1'

export interface TranscribePayload {
  assetId: string
  choice: TranscribeChoice
  providerId?: string
}

export interface TranscriptionServiceDeps {
  ai: AiService
  prices: PriceService
  assets: AssetsRepo
  transcripts: TranscriptsRepo
  transcriber: Transcriber
  preps: PreparedAudioCache
  jobs: JobQueue
  bus: EventBus
}

/** Transcripts of any audio or video on their own: estimate, run as a job, view, edit, export. */
export class TranscriptionService {
  constructor(private readonly deps: TranscriptionServiceDeps) {}

  async start(
    assetId: string,
    input: TranscribeOptionsInput,
    force: boolean
  ): Promise<{ jobId: string | null; cached: boolean; transcriptId: string | null }> {
    const asset = this.audible(assetId)
    const options = TranscribeOptions.parse(input)
    const choice = this.choice(
      options,
      options.model ?? (await this.deps.ai.modelFor('transcription', options.providerId)).model
    )
    const existing = this.deps.transcripts.findByKey(this.deps.transcriber.key(asset, choice))
    if (existing?.status === 'complete' && !force)
      return { jobId: null, cached: true, transcriptId: existing.id }
    // A deliberate re-run asks every piece again, in the same transcript (summaries that use it follow).
    if (existing && force) this.deps.transcripts.reset(existing.id)
    const job = this.deps.jobs.enqueue({
      kind: TRANSCRIBE_JOB,
      title: asset.name,
      payload: { assetId, choice, providerId: options.providerId } satisfies TranscribePayload,
      assetId,
      dedupeKey: `${TRANSCRIBE_JOB}:${this.deps.transcriber.key(asset, choice)}`
    })
    return { jobId: job.id, cached: false, transcriptId: existing?.id ?? null }
  }

  /** The job body: pieces already stored are not sent again; silence is not sent at all. */
  async run(payload: TranscribePayload, job: JobContext): Promise<{ transcriptId: string }> {
    const asset = this.audible(payload.assetId)
    let current = 0
    const ctx: CallContext = {
      providerId: payload.providerId,
      jobId: job.job.id,
      signal: job.signal,
      onWait: (w) => w.reason === 'rate-limit' && job.progress('waiting-for-rate-limit', current)
    }
    try {
      const transcript = await this.deps.transcriber.transcribe(asset, payload.choice, ctx, (f, stage) =>
        job.progress(stage, (current = f))
      )
      this.index(asset, transcript)
      return { transcriptId: transcript.id }
    } finally {
      this.deps.bus.emit('library.changed', { reason: 'updated', ids: [asset.id] })
    }
  }

  async estimate(assetId: string, input: TranscribeOptionsInput): Promise<TranscribeEstimate> {
    const asset = this.audible(assetId)
    const options = TranscribeOptions.parse(input)
    const model = options.model ?? (await this.defaultModel(options.providerId))
    const cached = this.deps.transcriber.cached(asset, this.choice(options, model)) !== null
    const stored = this.deps.preps.stored(asset.id)
    const durationS = stored?.durationS ?? asset.durationS ?? 0
    return {
      model,
      durationS,
      minutes: Math.round((durationS / 60) * 100) / 100,
      pieces: stored?.pieces.length ?? Math.max(1, Math.ceil(durationS / PIECE_S)),
      costUsd: cached ? 0 : transcriptionCost(this.deps.prices, model, durationS),
      cached
    }
  }

  view(assetId: string, transcriptId?: string): TranscriptView | null {
    const found = transcriptId
      ? this.deps.transcripts.get(transcriptId)
      : this.deps.transcripts.latestForAsset(assetId)
    if (found && found.assetId !== assetId)
      throw new AppError('NOT_FOUND', `No transcript ${transcriptId} for this asset.`)
    return found ? this.toView(found) : null
  }

  update(
    transcriptId: string,
    edits: { index: number; text: string | null }[],
    speakers: Record<string, string>
  ): TranscriptView {
    const transcript = this.require(transcriptId)
    const saved = this.deps.transcripts.edits(transcriptId)
    for (const { index, text } of edits) {
      const original = transcript.segments[index]
      if (!original) throw new AppError('VALIDATION_FAILED', `The transcript has no line ${index + 1}.`)
      if (text === null || text === original.text) delete saved.texts[String(index)]
      else saved.texts[String(index)] = text
    }
    for (const [label, name] of Object.entries(speakers)) {
      if (name && name !== label) saved.speakers[label] = name
      else delete saved.speakers[label]
    }
    this.deps.transcripts.saveEdits(transcriptId, saved)
    const asset = this.deps.assets.require(transcript.assetId)
    this.index(asset, transcript)
    this.deps.bus.emit('library.changed', { reason: 'updated', ids: [asset.id] })
    return this.toView(transcript)
  }

  export(transcriptId: string, format: TranscriptExportFormat, original: boolean): ExportedFile {
    const transcript = this.require(transcriptId)
    if (transcript.status !== 'complete')
      throw new AppError('CONFLICT', 'The transcript is still coming in: export it once it is finished.')
    const asset = this.deps.assets.require(transcript.assetId)
    const edits = this.deps.transcripts.edits(transcriptId)
    const edited = !original && Object.keys(edits.texts).length > 0
    return exportTranscript(
      {
        name: asset.name,
        model: transcript.model,
        language: transcript.language,
        durationS: transcript.durationS,
        segments: original ? transcript.segments : editedSegments(transcript.segments, edits.texts),
        words: transcript.words,
        speakers: original ? {} : edits.speakers,
        costUsd: transcript.costUsd,
        edited
      },
      format
    )
  }

  private toView(t: StoredTranscript): TranscriptView {
    const complete = t.status === 'complete'
    const progress = this.deps.transcripts.progress(t.id)
    // While pieces come in, the lines of those already stored are shown.
    const partial = complete
      ? null
      : mergePieces(
          [...this.deps.transcripts.pieces(t.id).entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p),
          t.durationS ?? 0
        )
    const edits = this.deps.transcripts.edits(t.id)
    return {
      id: t.id,
      assetId: t.assetId,
      model: t.model,
      language: t.language,
      status: t.status,
      text: partial?.text ?? t.text,
      segments: partial?.segments ?? t.segments,
      words: partial?.words ?? t.words,
      durationS: t.durationS,
      prompt: t.options.prompt ?? null,
      timestamps: t.options.timestamps ?? 'segment',
      piecesTotal: t.piecesTotal,
      piecesDone: complete ? t.piecesTotal : progress.done,
      edits: edits.texts,
      speakers: edits.speakers,
      silent: complete && t.segments.length === 0,
      costUsd: Math.round(progress.costUsd * 1e8) / 1e8,
      usage: progress.usage,
      updatedAt: t.updatedAt
    }
  }

  /** The transcript's words (as edited, with speaker names) are what the Library search finds. */
  private index(asset: Asset, transcript: StoredTranscript): void {
    if (transcript.status !== 'complete') return
    const edits = this.deps.transcripts.edits(transcript.id)
    const lines = editedSegments(transcript.segments, edits.texts).map((s) => s.text)
    const names = Object.values(edits.speakers)
    this.deps.assets.upsertSearchDoc(asset.id, 'transcript', asset.name, [...names, ...lines].join('\n'))
  }

  private choice(options: TranscribeOptions, model: string): TranscribeChoice {
    return {
      model,
      language: options.language,
      prompt: options.prompt,
      words: options.timestamps === 'word' && givesWordTimes(model)
    }
  }

  private async defaultModel(providerId: string | undefined): Promise<string> {
    try {
      return (await this.deps.ai.modelFor('transcription', providerId)).model
    } catch (error) {
      if (toErrorInfo(error).code === 'PROVIDER_NOT_CONFIGURED') return DEFAULT_MODEL
      throw error
    }
  }

  private require(transcriptId: string): StoredTranscript {
    const found = this.deps.transcripts.get(transcriptId)
    if (!found) throw new AppError('NOT_FOUND', `No transcript with id ${transcriptId}.`)
    return found
  }

  /** An audio file, or a video with a sound track. */
  private audible(assetId: string): Asset {
    const asset = this.deps.assets.require(assetId)
    if (asset.kind === 'image')
      throw new AppError('MEDIA_NO_AUDIO', `${asset.name} is an image; it has no sound to transcribe.`)
    if (asset.kind === 'video' && asset.metadata.hasAudio === false)
      throw new AppError('MEDIA_NO_AUDIO', `${asset.name} has no audio track to transcribe.`)
    return asset
  }
}
