import type OpenAI from 'openai'
import { AppError } from '@shared/errors'
import type { BatchLine, BatchOutcome } from '../../ai/calls/batch'
import type { PriceService } from '../../ai/price-service'
import { schemaFromJson } from '../../ai/structured'
import type { JobContext } from '../../jobs/job-kind'
import { isTerminal, type BatchesRepo } from './batches-repo'
import { identityOf, indexRow, specOf, type RunnerDeps } from './direct-runner'
import { extractionRequest, prepareForExtraction } from './extract-request'
import type { StoredRun } from './runs-repo'

export interface BatchRunnerDeps extends RunnerDeps {
  batches: BatchesRepo
  prices: PriceService
  /** First wait between polls; it grows by half each time up to maxPollMs. */
  pollMs: number
  maxPollMs: number
}

const ENDPOINT = '/v1/chat/completions'

/**
 * A run sent as one Batch at half price: the same request bodies written into a JSONL file, then a
 * durable poll (a restarted app resumes it) and one import of the output and error files.
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
    const batchId = run.batchId ?? (await this.submit(run, force, ctx))
    if (!batchId) {
      this.finish(run, 'complete')
      return { runId, batchId: null }
    }
    this.deps.batches.setJob(batchId, ctx.job.id)
    const remote = await this.pollUntilDone(run, batchId, ctx)
    await this.importOnce(run, batchId, remote, ctx)
    this.finish(run, remote.status === 'cancelled' ? 'cancelled' : 'complete')
    return { runId, batchId }
  }

  /** Answers already paid for fill their rows; the rest become lines of one batch. */
  private async submit(run: StoredRun, force: boolean, ctx: JobContext): Promise<string | null> {
    ctx.progress('submitting-batch', 0)
    this.deps.runs.setStatus(run.id, 'running')
    const spec = specOf(run)
    const lines: BatchLine[] = []
    for (const assetId of this.deps.runs.pendingAssetIds(run.id)) {
      ctx.signal.throwIfAborted()
      const asset = this.deps.assets.get(assetId)
      if (!asset || asset.kind !== 'image') {
        this.deps.runs.setRow(run.id, assetId, {
          status: 'failed',
          error: {
            code: 'MEDIA_UNSUPPORTED',
            message: asset ? `${asset.name} is not an image.` : 'The image is gone.'
          }
        })
        continue
      }
      const known = force ? null : this.deps.results.latest(identityOf(run, asset.hash))
      if (known) {
        this.deps.runs.setRow(run.id, assetId, { status: known.status, resultId: known.id, cached: true })
        if (known.fields) indexRow(this.deps, run, assetId, known.fields)
        continue
      }
      try {
        const image = await prepareForExtraction(this.deps.blobs.absolutePath(asset.path), spec)
        lines.push({
          customId: assetId,
          body: (await this.deps.ai.chatBody(
            extractionRequest(spec, image),
            run.providerId
          )) as unknown as Record<string, unknown>
        })
      } catch (error) {
        const app = error instanceof AppError ? error : new AppError('MEDIA_CORRUPT', String(error))
        this.deps.runs.setRow(run.id, assetId, {
          status: 'failed',
          error: { code: app.code, message: app.message }
        })
      }
    }
    if (lines.length === 0) return null
    const created = await this.deps.ai.createBatch(
      { model: run.model, endpoint: ENDPOINT, lines, metadata: { framewise_run: run.id } },
      { providerId: run.providerId, jobId: ctx.job.id, signal: ctx.signal }
    )
    const batchId = this.deps.batches.insert({
      remoteId: created.value.id,
      runId: run.id,
      providerId: created.providerId,
      model: run.model,
      endpoint: ENDPOINT,
      state: created.value.status,
      requests: lines.length,
      inputFileId: created.value.input_file_id
    })
    this.deps.runs.setBatch(run.id, batchId)
    this.deps.runs.setStatus(run.id, 'waiting')
    this.deps.bus.emit('images.run.updated', { runId: run.id })
    return batchId
  }

  private async pollUntilDone(
    run: StoredRun,
    batchId: string,
    ctx: JobContext
  ): Promise<OpenAI.Batches.Batch> {
    const batch = this.deps.batches.get(batchId) as NonNullable<ReturnType<BatchesRepo['get']>>
    let wait = this.deps.pollMs
    for (;;) {
      const remote = await this.deps.ai.retrieveBatch(batch.remoteId, {
        providerId: batch.providerId,
        signal: ctx.signal
      })
      const counts = remote.request_counts ?? { total: batch.requests, completed: 0, failed: 0 }
      this.deps.batches.polled(batchId, {
        state: remote.status,
        counts,
        outputFileId: remote.output_file_id ?? null,
        errorFileId: remote.error_file_id ?? null,
        error: remote.errors?.data?.[0]?.message ?? null,
        finished: isTerminal(remote.status)
      })
      this.deps.bus.emit('images.run.updated', { runId: run.id })
      if (isTerminal(remote.status)) return remote
      ctx.progress(
        'waiting-for-batch',
        0.1 + (0.8 * (counts.completed + counts.failed)) / Math.max(1, counts.total)
      )
      await sleep(wait, ctx.signal)
      wait = Math.min(this.deps.maxPollMs, Math.round(wait * 1.5))
    }
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
    for (const outcome of [...outcomes, ...errors]) {
      costUsd += outcome.costUsd ?? 0
      if (outcome.usage) directCostUsd += this.deps.prices.cost(run.model, outcome.usage)
      this.importLine(run, outcome)
    }
    const why =
      remote.status === 'completed'
        ? 'The batch finished without an answer for this image.'
        : `The batch ${remote.status} before this image was answered.`
    for (const assetId of this.deps.runs.pendingAssetIds(run.id))
      this.deps.runs.setRow(run.id, assetId, {
        status: 'failed',
        error: { code: 'AI_UNAVAILABLE', message: why }
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
