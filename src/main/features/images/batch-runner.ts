import type OpenAI from 'openai'
import { AppError } from '@shared/errors'
import type { BatchOutcome } from '../../ai/calls/batch'
import { BatchInputFile, type BatchLimits } from '../../ai/calls/batch-input'
import type { PriceService } from '../../ai/price-service'
import { schemaFromJson } from '../../ai/structured'
import type { JobContext } from '../../jobs/job-kind'
import { isTerminal, type BatchesRepo } from './batches-repo'
import { identityOf, indexRow, specOf, type RunnerDeps } from './direct-runner'
import { extractionRequest, prepareForExtraction } from './extract-request'
import type { BatchView } from '@shared/domain/extract'
import type { StoredRun } from './runs-repo'

export interface BatchRunnerDeps extends RunnerDeps {
  batches: BatchesRepo
  prices: PriceService
  /** First wait between polls; it grows by half each time up to maxPollMs. */
  pollMs: number
  maxPollMs: number
  /** How much one input file may hold (the API's limits unless set, e.g. by tests). */
  limits?: BatchLimits
}

const ENDPOINT = '/v1/chat/completions'

/**
 * A run sent as Batches at half price: the same request bodies written line by line into JSONL files
 * (a new file, and batch, whenever one reaches the API's limits), then a durable poll (a restarted
 * app resumes it) and one import of each batch's output and error files.
 */
export class BatchRunner {
  constructor(private readonly deps: BatchRunnerDeps) {}

  async run(
    runId: string,
    force: boolean,
    ctx: JobContext
  ): Promise<{ runId: string; batchId: string | null }> {
    const run = this.deps.runs.get(runId)
    if (!run) throw new AppError('NOT_FOUND', `No run ${runId}.`)
    try {
      await this.submitUnsent(run, force, ctx)
      const cancelled = await this.followAll(run, ctx)
      this.finish(run, cancelled ? 'cancelled' : 'complete')
    } catch (error) {
      await this.stop(run, error, ctx)
      throw error
    }
    return { runId, batchId: this.deps.runs.get(runId)?.batchId ?? null }
  }

  /**
   * Leaves the run in a state the user can act on: waiting (offline: the job resumes), cancelled
   * (the user stopped it: the provider is asked to stop too), or failed (resume from the Batch page).
   * An app that is closing leaves everything as it is: the next start picks the batches up again.
   */
  private async stop(run: StoredRun, error: unknown, ctx: JobContext): Promise<void> {
    if (ctx.signal.aborted && !ctx.cancelledByUser()) return
    const code = error instanceof AppError ? error.code : 'INTERNAL'
    if (ctx.cancelledByUser()) await this.cancelRemote(run)
    this.deps.runs.setStatus(
      run.id,
      ctx.cancelledByUser() ? 'cancelled' : code === 'AI_OFFLINE' ? 'waiting' : 'failed'
    )
    this.deps.bus.emit('images.run.updated', { runId: run.id })
  }

  /** Asks the provider to stop every batch of the run still in flight (best effort). */
  async cancelRemote(run: StoredRun): Promise<void> {
    for (const batch of this.deps.batches.forRun(run.id)) {
      if (isTerminal(batch.state) || batch.state === 'cancelling') continue
      await this.deps.ai
        .cancelBatch(batch.remoteId, { providerId: batch.providerId })
        .then((remote) => this.deps.batches.setState(batch.id, remote.status))
        .catch(() => undefined)
    }
  }

  /**
   * Answers already paid for fill their rows; the rest become lines of batches. Each row records its
   * batch as soon as that batch exists, so a crash in between resends nothing already sent.
   */
  private async submitUnsent(run: StoredRun, force: boolean, ctx: JobContext): Promise<void> {
    const unsent = this.deps.runs.unsentAssetIds(run.id)
    if (unsent.length === 0) return
    ctx.progress('submitting-batch', 0)
    this.deps.runs.setStatus(run.id, 'running')
    let file = await BatchInputFile.create(ENDPOINT, this.deps.limits)
    let inFile: string[] = []
    try {
      for (const assetId of unsent) {
        ctx.signal.throwIfAborted()
        const body = await this.requestBody(run, assetId, force)
        if (!body) continue
        if (!(await file.add(assetId, body))) {
          await this.send(run, file, inFile, ctx)
          await file.discard()
          file = await BatchInputFile.create(ENDPOINT, this.deps.limits)
          inFile = []
          await file.add(assetId, body)
        }
        inFile.push(assetId)
      }
      if (inFile.length > 0) await this.send(run, file, inFile, ctx)
    } finally {
      await file.discard()
    }
    this.deps.bus.emit('images.run.updated', { runId: run.id })
  }

  /** One row's request, or null when its row is settled without one (cached answer, not an image). */
  private async requestBody(
    run: StoredRun,
    assetId: string,
    force: boolean
  ): Promise<Record<string, unknown> | null> {
    const asset = this.deps.assets.get(assetId)
    if (!asset || asset.kind !== 'image') {
      this.deps.runs.setRow(run.id, assetId, {
        status: 'failed',
        error: {
          code: 'MEDIA_UNSUPPORTED',
          message: asset ? `${asset.name} is not an image.` : 'The image is gone.'
        }
      })
      return null
    }
    const known = force ? null : this.deps.results.latest(identityOf(run, asset.hash))
    if (known) {
      this.deps.runs.setRow(run.id, assetId, { status: known.status, resultId: known.id, cached: true })
      if (known.fields) indexRow(this.deps, run, assetId, known.fields)
      return null
    }
    try {
      const image = await prepareForExtraction(this.deps.blobs.absolutePath(asset.path), specOf(run))
      return (await this.deps.ai.chatBody(extractionRequest(specOf(run), image), run.providerId)) as unknown as
        Record<string, unknown>
    } catch (error) {
      const app = error instanceof AppError ? error : new AppError('MEDIA_CORRUPT', String(error))
      this.deps.runs.setRow(run.id, assetId, { status: 'failed', error: { code: app.code, message: app.message } })
      return null
    }
  }

  private async send(run: StoredRun, file: BatchInputFile, assetIds: string[], ctx: JobContext): Promise<void> {
    await file.finish()
    const created = await this.deps.ai.createBatch(
      { model: run.model, endpoint: ENDPOINT, file: file.path, metadata: { framewise_run: run.id } },
      { providerId: run.providerId, jobId: ctx.job.id, signal: ctx.signal }
    )
    const batchId = this.deps.batches.insert({
      remoteId: created.value.id,
      runId: run.id,
      providerId: created.providerId,
      model: run.model,
      endpoint: ENDPOINT,
      state: created.value.status,
      requests: assetIds.length,
      inputFileId: created.value.input_file_id
    })
    this.deps.runs.markSent(run.id, assetIds, batchId)
    if (!this.deps.runs.get(run.id)?.batchId) this.deps.runs.setBatch(run.id, batchId)
    this.deps.runs.setStatus(run.id, 'waiting')
  }

  /** Polls every batch of the run not yet imported, importing each as it ends; true if one was cancelled. */
  private async followAll(run: StoredRun, ctx: JobContext): Promise<boolean> {
    let open = this.deps.batches.forRun(run.id).filter((b) => !b.imported)
    let cancelled = this.deps.batches.forRun(run.id).some((b) => b.state === 'cancelled')
    let wait = this.deps.pollMs
    for (const batch of open) this.deps.batches.setJob(batch.id, ctx.job.id)
    if (open.length > 0) this.deps.runs.setStatus(run.id, 'waiting')
    while (open.length > 0) {
      for (const batch of open) {
        const remote = await this.poll(run, batch.id, batch.remoteId, batch.providerId, ctx)
        if (!isTerminal(remote.status)) continue
        await this.importOnce(run, batch.id, remote, ctx)
        if (remote.status === 'cancelled') cancelled = true
      }
      open = this.deps.batches.forRun(run.id).filter((b) => !b.imported)
      if (open.length === 0) break
      this.reportWaiting(open, ctx)
      await sleep(wait, ctx.signal)
      wait = Math.min(this.deps.maxPollMs, Math.round(wait * 1.5))
    }
    return cancelled
  }

  private async poll(
    run: StoredRun,
    batchId: string,
    remoteId: string,
    providerId: string,
    ctx: JobContext
  ): Promise<OpenAI.Batches.Batch> {
    const remote = await this.deps.ai.retrieveBatch(remoteId, { providerId, signal: ctx.signal })
    const counts = remote.request_counts ?? { total: 0, completed: 0, failed: 0 }
    this.deps.batches.polled(batchId, {
      state: remote.status,
      counts,
      outputFileId: remote.output_file_id ?? null,
      errorFileId: remote.error_file_id ?? null,
      error: remote.errors?.data?.[0]?.message ?? null,
      finished: isTerminal(remote.status)
    })
    this.deps.bus.emit('images.run.updated', { runId: run.id })
    return remote
  }

  private reportWaiting(open: BatchView[], ctx: JobContext): void {
    const total = open.reduce((n, b) => n + b.requestCounts.total, 0)
    const settled = open.reduce((n, b) => n + b.requestCounts.completed + b.requestCounts.failed, 0)
    ctx.progress('waiting-for-batch', 0.1 + (0.8 * settled) / Math.max(1, total))
  }

  /** Output and error lines into the run's rows, cost at the batch price; never twice. */
  private async importOnce(
    run: StoredRun,
    batchId: string,
    remote: OpenAI.Batches.Batch,
    ctx: JobContext
  ): Promise<void> {
    const batch = this.deps.batches.get(batchId)
    if (!batch || batch.imported) return
    ctx.progress('importing-results', 0.9)
    const call = { providerId: batch.providerId, jobId: ctx.job.id, signal: ctx.signal }
    const outcomes = remote.output_file_id
      ? await this.deps.ai.batchResults(remote, batch.providerId, call)
      : []
    const errors = await this.deps.ai.batchErrors(remote, batch.providerId, call)
    let costUsd = 0
    let directCostUsd = 0
    // Only lines for rows this batch carried are taken: a foreign or repeated custom_id changes nothing.
    const expected = new Set(this.deps.runs.pendingAssetIds(run.id, batchId))
    for (const outcome of [...outcomes, ...errors]) {
      if (!expected.delete(outcome.customId)) continue
      costUsd += outcome.costUsd ?? 0
      if (outcome.usage) directCostUsd += this.deps.prices.cost(run.model, outcome.usage)
      this.importLine(run, outcome)
    }
    const why =
      remote.status === 'completed'
        ? 'The batch finished without an answer for this image.'
        : `The batch ${remote.status} before this image was answered.`
    for (const assetId of this.deps.runs.pendingAssetIds(run.id, batchId))
      this.deps.runs.setRow(run.id, assetId, {
        status: 'failed',
        error: { code: remote.status === 'cancelled' ? 'CANCELLED' : 'AI_UNAVAILABLE', message: why }
      })
    this.deps.batches.markImported(batchId, { costUsd, directCostUsd })
  }

  private importLine(run: StoredRun, outcome: BatchOutcome): void {
    const assetId = outcome.customId
    const asset = this.deps.assets.get(assetId)
    if (!asset) return
    const body = outcome.body as OpenAI.Chat.ChatCompletion | null
    if (outcome.statusCode !== 200 || !body) {
      const message = errorMessage(outcome) ?? `The request failed (HTTP ${outcome.statusCode ?? '?'}).`
      this.deps.runs.setRow(run.id, assetId, {
        status: 'failed',
        error: { code: 'AI_INVALID_REQUEST', message }
      })
      return
    }
    const identity = identityOf(run, asset.hash)
    const message = body.choices?.[0]?.message
    const usage = outcome.usage ?? { inputTokens: 0, cachedTokens: 0, outputTokens: 0 }
    const paid = { usage, costUsd: outcome.costUsd ?? 0, requestId: body.id ?? null, batch: true }
    if (message?.refusal) {
      const resultId = this.deps.results.put(identity, {
        status: 'refused',
        fields: null,
        raw: message.refusal,
        ...paid
      })
      this.deps.runs.setRow(run.id, assetId, { status: 'refused', resultId, raw: message.refusal })
      return
    }
    const text = message?.content ?? ''
    const checked = parseFields(text, run.schema)
    if (!checked.ok) {
      this.deps.runs.setRow(run.id, assetId, {
        status: 'failed',
        error: { code: 'AI_BAD_RESPONSE', message: checked.message },
        raw: text.slice(0, 20_000)
      })
      return
    }
    const resultId = this.deps.results.put(identity, {
      status: 'ok',
      fields: checked.value,
      raw: null,
      ...paid
    })
    this.deps.runs.setRow(run.id, assetId, { status: 'ok', resultId })
    indexRow(this.deps, run, assetId, checked.value)
  }

  private finish(run: StoredRun, status: 'complete' | 'cancelled'): void {
    this.deps.runs.setStatus(run.id, status)
    this.deps.bus.emit('images.run.updated', { runId: run.id })
  }
}

function parseFields(
  text: string,
  schema: Record<string, unknown>
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The model’s answer is not valid JSON.' }
  }
  const checked = schemaFromJson('extraction', schema).validate(value)
  return checked.ok
    ? { ok: true, value: value as Record<string, unknown> }
    : { ok: false, message: `The model’s JSON does not match the schema (${checked.message}).` }
}

function errorMessage(outcome: BatchOutcome): string | null {
  const error = (outcome.error ?? (outcome.body as { error?: unknown } | null)?.error) as {
    message?: string
  } | null
  return error?.message ?? null
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AppError('CANCELLED', 'Stopped while waiting for the batch.'))
      return
    }
    const timer = setTimeout(done, ms)
    function done(): void {
      signal.removeEventListener('abort', abort)
      resolve()
    }
    function abort(): void {
      clearTimeout(timer)
      reject(new AppError('CANCELLED', 'Stopped while waiting for the batch.'))
    }
    signal.addEventListener('abort', abort, { once: true })
  })
}
