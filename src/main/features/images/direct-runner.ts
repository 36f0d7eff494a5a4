import { randomUUID } from 'node:crypto'
import { forEachLimited } from '@shared/concurrency'
import type { ErrorCode } from '@shared/errors'
import { AppError, errorCodeOf } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { JobContext } from '../../jobs/job-kind'
import type { EventBus } from '../../platform/event-bus'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import { extractionRequest, prepareForExtraction, type ExtractionSpec } from './extract-request'
import { fieldText } from '@shared/field-text'
import type { ResultIdentity, ResultsRepo } from './results-repo'
import type { RunsRepo, StoredRun } from './runs-repo'

/** Images in flight at once; the executor still honours 429s for all of them together. */
export const IMAGES_IN_FLIGHT = 4

/** Errors that no other image would escape: the run stops, what is done stays, the rest resumes later. */
const STOPS_THE_RUN: readonly ErrorCode[] = [
  'AI_QUOTA_EXCEEDED',
  'AI_OFFLINE',
  'AI_AUTH_FAILED',
  'AI_MODEL_NOT_FOUND',
  'PROVIDER_NOT_CONFIGURED',
  'PROVIDER_UNSUPPORTED',
  'BUDGET_EXCEEDED',
  'CANCELLED'
]

export interface RunnerDeps {
  /** Images in flight at once (IMAGES_IN_FLIGHT unless set). */
  inFlight?: number
  ai: AiService
  assets: AssetsRepo
  blobs: BlobStore
  runs: RunsRepo
  results: ResultsRepo
  bus: EventBus
}

export const specOf = (run: StoredRun): ExtractionSpec => ({
  name: run.extractorName,
  instructions: run.instructions,
  schema: run.schema,
  model: run.model,
  detail: run.detail
})

/** What an answer is found by: this picture, the run's extractor version, model and detail. */
export const identityOf = (run: StoredRun, contentHash: string): ResultIdentity => ({
  contentHash,
  extractorVersion: run.extractorVersion,
  model: run.model,
  detail: run.detail
})

/** Search source of a row: one per extractor, so a second extractor adds text, a re-run replaces it. */
export const searchSource = (run: StoredRun): string => `extract:${run.extractorId ?? run.extractorVersion}`

/** Stores one row's answer as searchable text of its photo. */
export function indexRow(
  deps: Pick<RunnerDeps, 'assets'>,
  run: StoredRun,
  assetId: string,
  fields: object
): void {
  deps.assets.upsertSearchDoc(
    assetId,
    searchSource(run),
    run.extractorName,
    fieldText(fields as Record<string, unknown>)
  )
}

/** A run sent image by image: answers already paid for are reused, the rest asked for 4 at a time. */
export class DirectRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async run(runId: string, force: boolean, ctx: JobContext): Promise<{ runId: string }> {
    const run = this.deps.runs.get(runId)
    if (!run) throw new AppError('NOT_FOUND', `No run ${runId}.`)
    this.deps.runs.setStatus(runId, 'running')
    const pending = this.deps.runs.pendingAssetIds(runId)
    const stop = new AbortController()
    const signal = AbortSignal.any([ctx.signal, stop.signal])
    let done = 0
    let stopper: unknown = null
    try {
      await forEachLimited(
        pending,
        this.deps.inFlight ?? IMAGES_IN_FLIGHT,
        async (assetId) => {
          try {
            await this.extractOne(run, assetId, { force, signal, jobId: ctx.job.id })
          } catch (error) {
            stopper ??= error
            stop.abort()
          }
          done += 1
          ctx.progress('extracting', done / Math.max(1, pending.length))
          this.deps.bus.emit('images.run.updated', { runId })
        },
        signal
      )
    } catch (error) {
      stopper ??= error
    }
    if (stopper) {
      const code = stopper instanceof AppError ? stopper.code : 'INTERNAL'
      this.deps.runs.setStatus(
        runId,
        code === 'AI_OFFLINE' ? 'waiting' : code === 'CANCELLED' ? 'cancelled' : 'failed'
      )
      this.deps.bus.emit('images.run.updated', { runId })
      throw stopper
    }
    this.deps.runs.setStatus(runId, 'complete')
    this.deps.bus.emit('images.run.updated', { runId })
    return { runId }
  }

  /** One image's row; throws only what should stop the whole run. */
  private async extractOne(
    run: StoredRun,
    assetId: string,
    options: { force: boolean; signal: AbortSignal; jobId: string }
  ): Promise<void> {
    const asset = this.deps.assets.get(assetId)
    if (!asset) return this.fail(run, assetId, 'NOT_FOUND', 'The image is no longer in the library.')
    if (asset.kind !== 'image')
      return this.fail(run, assetId, 'MEDIA_UNSUPPORTED', `${asset.name} is not an image (${asset.kind}).`)
    const identity = identityOf(run, asset.hash)
    const known = options.force ? null : this.deps.results.latest(identity)
    if (known) {
      this.deps.runs.setRow(run.id, assetId, { status: known.status, resultId: known.id, cached: true })
      if (known.fields) indexRow(this.deps, run, assetId, known.fields)
      return
    }
    const spec = specOf(run)
    try {
      const image = await prepareForExtraction(this.deps.blobs.absolutePath(asset.path), spec)
      const answer = await this.deps.ai.chat(extractionRequest(spec, image), {
        providerId: run.providerId,
        jobId: options.jobId,
        signal: options.signal,
        requestKey: `extract:${run.id}:${assetId}:${randomUUID()}`
      })
      const fields = answer.value.parsed as Record<string, unknown>
      const resultId = this.deps.results.put(identity, {
        status: 'ok',
        fields,
        raw: null,
        usage: answer.usage,
        costUsd: answer.costUsd,
        requestId: answer.requestId,
        batch: false
      })
      this.deps.runs.setRow(run.id, assetId, { status: 'ok', resultId })
      indexRow(this.deps, run, assetId, fields)
    } catch (error) {
      const code =
        error instanceof AppError ? error.code : errorCodeOf((error as { code?: unknown }).code, 'INTERNAL')
      if (STOPS_THE_RUN.includes(code) || options.signal.aborted) throw error
      this.rowError(run, assetId, error)
    }
  }

  private rowError(run: StoredRun, assetId: string, error: unknown): void {
    const app = error instanceof AppError ? error : new AppError('INTERNAL', String(error))
    const details = (app.details ?? {}) as { raw?: string; refusal?: string }
    if (app.code === 'AI_REFUSED') {
      this.deps.runs.setRow(run.id, assetId, { status: 'refused', raw: details.refusal ?? app.message })
      return
    }
    this.deps.runs.setRow(run.id, assetId, {
      status: 'failed',
      error: { code: app.code, message: app.message },
      raw: details.raw ?? null
    })
  }

  private fail(run: StoredRun, assetId: string, code: ErrorCode, message: string): void {
    this.deps.runs.setRow(run.id, assetId, { status: 'failed', error: { code, message } })
  }
}
