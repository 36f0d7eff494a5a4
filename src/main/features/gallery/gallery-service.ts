import { randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import {
  EditInput,
  GenerateInput,
  IMAGE_JOB,
  type GalleryDetail,
  type GalleryItem,
  type GalleryPage,
  type GalleryQuery,
  type ImageRunView,
  type ImageUsage,
  type RunOperation,
  type StoredImage
} from '@shared/domain/gallery'
import type { Asset } from '@shared/domain/asset'
import { AppError, toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { PriceService } from '../../ai/price-service'
import type { JobContext } from '../../jobs/job-kind'
import type { JobQueue } from '../../jobs/job-queue'
import { previewDataUrl } from '../../media/image/image-edit-prep'
import type { EventBus } from '../../platform/event-bus'
import { withTempDir } from '../../platform/ffmpeg/ffmpeg'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore, StoredBlob } from '../../store/blob-store'
import type { Db } from '../../store/database'
import type { EditSources } from './edit-sources'
import { listGenerated } from './gallery-list'
import { GalleryViews } from './gallery-views'
import { sendRun } from './image-request'
import type { ImageSaver } from './image-saver'
import type { ImageCatalog } from './image-catalog'
import { checkParams, paramsRecord, rulesFor } from './param-check'
import { NO_IMAGE_USAGE, type RunParent, type RunsRepo, type StoredRun } from './runs-repo'

export interface GalleryServiceDeps {
  db: Db
  ai: AiService
  prices: PriceService
  catalog: ImageCatalog
  runs: RunsRepo
  assets: AssetsRepo
  blobs: BlobStore
  sources: EditSources
  saver: ImageSaver
  jobs: JobQueue
  bus: EventBus
  tmpDir: string
}

/** One image the caller already has (the Playground's image tool), with what made it. */
export interface GeneratedImageRecord {
  /** The image bytes, or base64 as the provider sent them. */
  image: Buffer | string
  prompt: string
  revisedPrompt?: string | null
  model: string
  params?: Record<string, unknown>
  parentAssetIds?: string[]
  /** PNG mask bytes of an edit. */
  mask?: Buffer | null
  responseId?: string | null
  previousResponseId?: string | null
  usage?: Partial<ImageUsage>
  costUsd?: number
  requestId?: string | null
  providerId?: string | null
}

/**
 * The Gallery: image requests (generate, edit with a mask and references, DALL·E 2 variations,
 * conversations of edits through the Responses tool) run as jobs; every image is a library asset
 * with the run that made it, so prompts, parameters, cost and lineage are never lost.
 */
export class GalleryService {
  private readonly views: GalleryViews

  constructor(private readonly deps: GalleryServiceDeps) {
    this.views = new GalleryViews({ runs: deps.runs, assets: deps.assets })
  }

  async generate(input: GenerateInput): Promise<{ jobId: string; runId: string }> {
    const request = GenerateInput.parse(input)
    const model = request.model ?? (await this.deps.catalog.defaultModel(request.providerId))
    const params = checkParams(model, request, 'generate', request.prompt)
    const id = randomUUID()
    return this.start({
      id,
      status: 'running',
      operation: 'generate',
      prompt: request.prompt,
      model,
      providerId: request.providerId ?? null,
      params: paramsRecord(params),
      parents: [],
      mask: null,
      previousResponseId: null,
      chainId: id,
      createdAt: new Date().toISOString()
    })
  }

  async edit(input: EditInput): Promise<{ jobId: string; runId: string }> {
    const request = EditInput.parse(input)
    const model = request.model ?? (await this.deps.catalog.defaultModel(request.providerId))
    if (request.mode !== 'variation' && !request.prompt)
      throw new AppError('VALIDATION_FAILED', 'Say what to change: an edit needs a prompt.')
    const params = checkParams(
      model,
      request,
      request.mode === 'conversation' ? 'generate' : request.mode,
      request.prompt
    )
    const source = await this.deps.sources.image(request.source)
    const references = await Promise.all(request.references.map((r) => this.deps.sources.image(r)))
    assertEditFits(model, request, source, references.length)
    const mask = request.mask ? await this.deps.sources.mask(request.mask, source) : null
    const before = this.deps.runs.forAsset(source.id)
    const id = randomUUID()
    try {
      return await this.start({
        id,
        status: 'running',
        operation: request.mode,
        prompt: request.prompt,
        model,
        providerId: request.providerId ?? null,
        params: { ...paramsRecord(params), ...(mask?.resized ? { maskResized: true } : {}) },
        parents: [
          { assetId: source.id, role: 'source' },
          ...references.map((r): RunParent => ({ assetId: r.id, role: 'reference' }))
        ],
        mask: mask ? { hash: mask.hash, relPath: mask.relPath } : null,
        // A conversation continues the turn that made the source, when it was one.
        previousResponseId: request.mode === 'conversation' ? (before?.responseId ?? null) : null,
        chainId: before?.chainId ?? id,
        createdAt: new Date().toISOString()
      })
    } finally {
      if (mask) this.deps.blobs.release(mask.hash)
    }
  }

  /** The job body: send, check every image decodes, store them, then mark the run complete. */
  async run(runId: string, job: JobContext): Promise<{ runId: string; assetIds: string[] }> {
    const run = this.requireRun(runId)
    if (run.status === 'complete') return { runId, assetIds: run.imageIds }
    try {
      job.progress('generating-image', 0.05)
      const answer = await withTempDir(this.deps.tmpDir, (tmpDir) =>
        sendRun(this.deps, run, this.filesOf(run), {
          providerId: run.providerId,
          jobId: job.job.id,
          signal: job.signal,
          requestKey: `image:${run.id}:${job.job.id}`,
          tmpDir,
          onPartial: (b64, index) => void this.emitPartial(run.id, b64, index)
        })
      )
      this.deps.runs.recordOutcome(run.id, answer)
      job.progress('storing-images', 0.9)
      const context = { runId: run.id, requestId: answer.requestId }
      // Every image must decode before any is stored: a broken answer stores nothing.
      const decoded = await Promise.all(answer.images.map((b64) => this.deps.saver.decode(b64, context)))
      const stored = await this.storeAll(run, decoded, answer.revisedPrompt)
      this.deps.runs.complete(run.id)
      this.deps.bus.emit('library.changed', { reason: 'imported', ids: stored.map((s) => s.assetId) })
      return { runId, assetIds: stored.map((s) => s.assetId) }
    } catch (error) {
      const info = toErrorInfo(error)
      // Waiting for the network, the run resumes with its job; anything else (cancelled too) ends it.
      if (info.code !== 'AI_OFFLINE') this.deps.runs.fail(run.id, info)
      throw error
    }
  }

  /**
   * Stores one image made elsewhere (the Playground's image_generation tool) as a library asset with
   * its generation record, exactly as the Gallery stores its own.
   */
  async storeGeneratedImage(record: GeneratedImageRecord): Promise<StoredImage> {
    const id = randomUUID()
    const parents = record.parentAssetIds ?? []
    for (const parent of parents) this.deps.assets.require(parent)
    const context = { runId: id, requestId: record.requestId ?? null }
    const bytes = await this.deps.saver.decode(record.image, context)
    const mask = record.mask ? await this.deps.blobs.ingestBuffer(record.mask, 'png') : null
    const before = parents[0] ? this.deps.runs.forAsset(parents[0]) : null
    try {
      this.deps.runs.create({
        id,
        status: 'running',
        operation: 'tool',
        prompt: record.prompt,
        model: record.model,
        providerId: record.providerId ?? null,
        params: record.params ?? {},
        parents: parents.map((assetId, i) => ({ assetId, role: i === 0 ? 'source' : 'reference' })),
        mask: mask ? { hash: mask.hash, relPath: mask.relPath } : null,
        previousResponseId: record.previousResponseId ?? null,
        chainId: before?.chainId ?? id,
        createdAt: new Date().toISOString()
      })
      this.deps.runs.recordOutcome(id, {
        revisedPrompt: record.revisedPrompt ?? null,
        responseId: record.responseId ?? null,
        usage: { ...NO_IMAGE_USAGE, images: 1, ...record.usage },
        costUsd: record.costUsd ?? 0,
        requestId: record.requestId ?? null
      })
      const [stored] = await this.storeAll(this.requireRun(id), [bytes], record.revisedPrompt ?? null)
      this.deps.runs.complete(id)
      this.deps.bus.emit('library.changed', { reason: 'imported', ids: [stored?.assetId ?? ''] })
      return stored as StoredImage
    } catch (error) {
      if (this.deps.runs.get(id)) this.deps.runs.fail(id, toErrorInfo(error))
      throw error
    } finally {
      if (mask) this.deps.blobs.release(mask.hash)
    }
  }

  getRun(runId: string): ImageRunView {
    return this.views.run(this.requireRun(runId))
  }

  list(query: GalleryQuery): GalleryPage {
    const { rows, nextCursor } = listGenerated(this.deps.db, query)
    const items = rows.flatMap((row) => {
      const item = this.views.item(row.assetId)
      return item ? [item] : []
    })
    return { items, nextCursor, models: this.deps.runs.models() }
  }

  detail(assetId: string): GalleryDetail {
    return this.views.detail(assetId)
  }

  favourite(assetId: string, favourite: boolean): GalleryItem {
    this.views.requireItem(assetId)
    this.deps.runs.setFavourite(assetId, favourite)
    this.deps.bus.emit('library.changed', { reason: 'updated', ids: [assetId] })
    return this.views.requireItem(assetId)
  }

  private start(run: Parameters<RunsRepo['create']>[0]): { jobId: string; runId: string } {
    this.deps.runs.create(run)
    const job = this.deps.jobs.enqueue({
      kind: IMAGE_JOB,
      title: titleFor(run.operation, run.prompt),
      payload: { runId: run.id },
      dedupeKey: `${IMAGE_JOB}:${run.id}`
    })
    this.deps.runs.setJob(run.id, job.id)
    return { jobId: job.id, runId: run.id }
  }

  private async storeAll(
    run: StoredRun,
    images: Buffer[],
    revisedPrompt: string | null
  ): Promise<StoredImage[]> {
    const stored: StoredImage[] = []
    const mask = run.mask ? this.maskBlob(run.mask) : null
    for (const [idx, bytes] of images.entries()) {
      const image = await this.deps.saver.save(bytes, run.prompt, revisedPrompt ?? '')
      this.deps.db.transaction(() => {
        if (mask) this.deps.blobs.register(mask, new Date().toISOString())
        this.deps.runs.addImage(run.id, idx, image.assetId, mask?.hash ?? null)
      })()
      stored.push(image)
    }
    return stored
  }

  private maskBlob(mask: { hash: string; relPath: string }): StoredBlob {
    const file = this.deps.blobs.absolutePath(mask.relPath)
    if (!existsSync(file))
      throw new AppError('FILE_NOT_FOUND', 'The mask of this edit is gone; paint it again and resend.')
    return { ...mask, size: statSync(file).size }
  }

  /** Library files the request sends: the source and references, and the mask. */
  private filesOf(run: StoredRun): { images: string[]; mask: string | null } {
    const images = run.parents.map((p) => {
      const asset = this.deps.assets.get(p.assetId)
      if (!asset) throw new AppError('NOT_FOUND', 'An image this edit starts from was deleted.')
      return this.deps.blobs.absolutePath(asset.path)
    })
    const mask = run.mask ? this.deps.blobs.absolutePath(this.maskBlob(run.mask).relPath) : null
    return { images, mask }
  }

  private async emitPartial(runId: string, b64: string, index: number): Promise<void> {
    try {
      const dataUrl = await previewDataUrl(Buffer.from(b64, 'base64'))
      this.deps.bus.emit('gallery.partial', { runId, index, dataUrl })
    } catch {
      // A partial that does not decode is skipped: the final image is what counts.
    }
  }

  private requireRun(runId: string): StoredRun {
    const run = this.deps.runs.get(runId)
    if (!run) throw new AppError('NOT_FOUND', `No image request with id ${runId}.`)
    return run
  }
}

/** What the model takes in one edit: a square source for DALL·E 2, so many references, a mask or not. */
function assertEditFits(model: string, request: EditRequest, source: Asset, references: number): void {
  const rules = rulesFor(model)
  if (rules.family === 'dall-e-2' && source.width !== source.height)
    throw new AppError(
      'VALIDATION_FAILED',
      `DALL·E 2 edits square images only; ${source.name} is ${source.width}×${source.height}. Use gpt-image-1, or crop it square.`
    )
  if (request.mode === 'edit' && 1 + references > rules.maxEditImages)
    throw new AppError(
      'VALIDATION_FAILED',
      `${model} takes at most ${rules.maxEditImages} image(s) per edit (the source and ${rules.maxEditImages - 1} reference(s)).`
    )
  if (request.mask && (request.mode !== 'edit' || !rules.masks))
    throw new AppError('VALIDATION_FAILED', 'A mask is used by edits with gpt-image-1 or dall-e-2 only.')
}

type EditRequest = ReturnType<typeof EditInput.parse>

function titleFor(operation: RunOperation, prompt: string): string {
  const text = prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt
  return operation === 'variation' ? 'Variations' : text || 'Image'
}
