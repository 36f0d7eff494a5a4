import { randomUUID } from 'node:crypto'
import {
  BATCH_POLL_JOB,
  EXTRACT_JOB,
  RunChoice,
  type BatchView,
  type ExtractEstimate,
  type RunExportFormat,
  type RunSummary,
  type RunView
} from '@shared/domain/extract'
import type { ExportedFile } from '@shared/domain/video'
import { AppError } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { PriceService } from '../../ai/price-service'
import type { JobQueue } from '../../jobs/job-queue'
import type { EventBus } from '../../platform/event-bus'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BatchesRepo } from './batches-repo'
import type { BatchRunner } from './batch-runner'
import { estimateRun } from './estimate'
import type { ExtractorResolver, ResolvedExtractor } from './extractor-resolver'
import { indexRow } from './direct-runner'
import type { ResultsRepo } from './results-repo'
import { exportRun } from './run-export'
import type { RunViews } from './run-view'
import type { RunsRepo, StoredRun } from './runs-repo'

export interface ImagesServiceDeps {
  ai: AiService
  prices: PriceService
  assets: AssetsRepo
  runs: RunsRepo
  results: ResultsRepo
  batches: BatchesRepo
  extractors: ExtractorResolver
  views: RunViews
  jobs: JobQueue
  bus: EventBus
  batchRunner: Pick<BatchRunner, 'cancelRemote'>
}

/** Runs of an extractor over many images: estimate, start (now or as a Batch), rows, edits, export. */
export class ImagesService {
  constructor(private readonly deps: ImagesServiceDeps) {}

  async estimate(input: RunChoice, options: { force: boolean } = { force: false }): Promise<ExtractEstimate> {
    const { spec, assetIds } = await this.plan(input)
    const images = assetIds.map((id) => {
      const asset = this.deps.assets.require(id)
      return {
        width: asset.width ?? 1024,
        height: asset.height ?? 1024,
        cached:
          !options.force &&
          this.deps.results.latest({
            contentHash: asset.hash,
            extractorVersion: spec.version,
            model: spec.model,
            detail: spec.detail
          }) !== null
      }
    })
    return estimateRun({ ...spec, name: spec.name }, images, this.deps.prices)
  }

  async start(
    input: RunChoice,
    options: { force: boolean; batch: boolean }
  ): Promise<{ runId: string; jobId: string }> {
    const { spec, assetIds, providerId } = await this.plan(input)
    const runId = randomUUID()
    this.deps.runs.create({
      id: runId,
      extractorId: spec.extractorId,
      extractorName: spec.name,
      extractorVersion: spec.version,
      instructions: spec.instructions,
      schema: spec.schema,
      model: spec.model,
      detail: spec.detail,
      providerId,
      mode: options.batch ? 'batch' : 'direct',
      assetIds
    })
    const job = this.deps.jobs.enqueue({
      kind: options.batch ? BATCH_POLL_JOB : EXTRACT_JOB,
      title: `${spec.name} × ${assetIds.length}`,
      payload: { runId, force: options.force },
      dedupeKey: options.batch ? batchKey(runId) : extractKey(runId)
    })
    this.deps.runs.setJob(runId, job.id)
    return { runId, jobId: job.id }
  }

  runs(limit: number): RunSummary[] {
    return this.deps.runs.list(limit).map((run) => this.deps.views.summary(run))
  }

  view(runId: string): RunView {
    return this.deps.views.view(this.requireRun(runId))
  }

  /** Saves cell edits (null reverts a field to the model's value); the search text follows. */
  editRow(runId: string, assetId: string, edits: Record<string, unknown>): RunView {
    const run = this.requireRun(runId)
    const row = this.deps.views.view(run).rows.find((r) => r.assetId === assetId)
    if (!row?.original) throw new AppError('CONFLICT', 'Only rows with an answer can be edited.')
    const kept = Object.fromEntries(
      Object.entries({ ...this.currentEdits(run, assetId), ...edits }).filter(
        ([name, value]) =>
          value !== null &&
          name in row.original! &&
          JSON.stringify(value) !== JSON.stringify(row.original![name])
      )
    )
    this.deps.runs.setEdits(runId, assetId, kept)
    indexRow(this.deps, run, assetId, { ...row.original, ...kept })
    this.deps.bus.emit('images.run.updated', { runId })
    return this.view(runId)
  }

  /** Failed and refused rows (or the ones named) asked again; a stopped run resumes its pending rows. */
  retry(runId: string, assetIds?: string[]): { runId: string; jobId: string } {
    const run = this.requireRun(runId)
    if (this.activeJob(run))
      throw new AppError('CONFLICT', 'This run is still going; retry once it has stopped.')
    if (this.deps.batches.forRun(runId).some((b) => !b.imported))
      throw new AppError('CONFLICT', 'This run’s batch is still running; retry once it has finished.')
    const asked = new Set(assetIds ?? [])
    // A refusal is stored as an answer: asking again means not taking it from the store.
    const force = this.deps.runs
      .rows(runId)
      .some((r) => r.status === 'refused' && (asked.size === 0 || asked.has(r.assetId)))
    this.deps.runs.resetRows(runId, assetIds)
    this.deps.runs.setStatus(runId, 'running')
    const job = this.deps.jobs.enqueue({
      kind: EXTRACT_JOB,
      title: `${run.extractorName} (retry)`,
      payload: { runId, force },
      dedupeKey: extractKey(runId)
    })
    this.deps.runs.setJob(runId, job.id)
    this.deps.bus.emit('images.run.updated', { runId })
    return { runId, jobId: job.id }
  }

  export(runId: string, format: RunExportFormat): ExportedFile {
    return exportRun(this.view(runId), format)
  }

  /**
   * Deletes a run and its rows (answers already paid for stay, for reuse). A run still going is
   * stopped first, and its batches are cancelled at the provider, so nothing more is spent on it.
   */
  async deleteRun(runId: string): Promise<void> {
    const run = this.requireRun(runId)
    // The provider first: the job, once cancelled, then finds the batches already stopping.
    await this.deps.batchRunner.cancelRemote(run)
    const job = this.activeJob(run)
    if (job) this.deps.jobs.cancel(job.id)
    if (!this.deps.runs.delete(runId)) throw new AppError('NOT_FOUND', `No run ${runId}.`)
    this.deps.bus.emit('images.run.updated', { runId })
  }

  batches(limit: number): BatchView[] {
    return this.deps.batches.list(limit)
  }

  batch(id: string): BatchView {
    const found = this.deps.batches.get(id)
    if (!found) throw new AppError('NOT_FOUND', `No batch ${id}.`)
    return found
  }

  /**
   * Makes this process poll the batch (and import it) if its job waits unowned: a CLI that sent it
   * and exited, or an app that closed. The same job is taken over, never a second one.
   */
  follow(id: string): { runId: string; jobId: string | null } {
    const batch = this.batch(id)
    if (!batch.runId) throw new AppError('CONFLICT', 'This batch belongs to no run of this library.')
    if (batch.imported) return { runId: batch.runId, jobId: null }
    const run = this.requireRun(batch.runId)
    const job = this.deps.jobs.enqueue({
      kind: BATCH_POLL_JOB,
      title: `${run.extractorName} (batch)`,
      payload: { runId: run.id, force: false },
      dedupeKey: batchKey(run.id)
    })
    this.deps.runs.setJob(run.id, job.id)
    return { runId: run.id, jobId: job.id }
  }

  /** Asks the provider to cancel; the polling job then imports whatever was answered. */
  async cancelBatch(id: string): Promise<BatchView> {
    const batch = this.batch(id)
    if (['completed', 'failed', 'expired', 'cancelled'].includes(batch.state))
      throw new AppError('CONFLICT', `The batch is already ${batch.state}.`)
    const remote = await this.deps.ai.cancelBatch(batch.remoteId, { providerId: batch.providerId })
    this.deps.batches.setState(batch.id, remote.status)
    if (batch.runId) this.deps.bus.emit('images.run.updated', { runId: batch.runId })
    return this.batch(id)
  }

  private currentEdits(run: StoredRun, assetId: string): Record<string, unknown> {
    return this.deps.runs.rows(run.id).find((r) => r.assetId === assetId)?.edits ?? {}
  }

  /** The run's job while it is queued, running or waiting for the network. */
  private activeJob(run: StoredRun): { id: string } | null {
    if (!run.jobId) return null
    try {
      const job = this.deps.jobs.get(run.jobId)
      return ACTIVE.includes(job.state as (typeof ACTIVE)[number]) ? job : null
    } catch {
      return null // the job was cleared from the list
    }
  }

  private requireRun(runId: string): StoredRun {
    const run = this.deps.runs.get(runId)
    if (!run) throw new AppError('NOT_FOUND', `No run ${runId}.`)
    return run
  }

  /** The extractor, model and detail a run uses, and its images (each listed once). */
  private async plan(input: RunChoice): Promise<{
    spec: ResolvedExtractor & { model: string }
    assetIds: string[]
    providerId: string | null
  }> {
    const choice = RunChoice.parse(input)
    const extractor = this.deps.extractors.resolve(choice.extractor)
    const model =
      choice.model ?? extractor.model ?? (await this.deps.ai.modelFor('vision', choice.providerId)).model
    const detail = choice.detail ?? extractor.detail
    const assetIds = [...new Set(choice.assetIds)]
    for (const id of assetIds) this.deps.assets.require(id)
    return { spec: { ...extractor, model, detail }, assetIds, providerId: choice.providerId ?? null }
  }
}

const batchKey = (runId: string): string => `${BATCH_POLL_JOB}:${runId}`
const ACTIVE = ['queued', 'running', 'waiting'] as const
const extractKey = (runId: string): string => `${EXTRACT_JOB}:${runId}`
