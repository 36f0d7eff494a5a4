import type { ExtractRow, RunSummary, RunView } from '@shared/domain/extract'
import type { AssetsRepo } from '../../store/assets-repo'
import type { RunsRepo, StoredRow, StoredRun } from './runs-repo'

/** A run as the page and the CLI show it: rows with their file, edits applied, and totals. */
export class RunViews {
  constructor(private readonly deps: { runs: RunsRepo; assets: AssetsRepo }) {}

  summary(run: StoredRun): RunSummary {
    const { counts, costUsd } = this.deps.runs.counts(run.id)
    return {
      id: run.id,
      extractorId: run.extractorId,
      extractorName: run.extractorName,
      model: run.model,
      detail: run.detail,
      mode: run.mode,
      status: run.status,
      jobId: run.jobId,
      batchId: run.batchId,
      counts,
      costUsd,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt
    }
  }

  view(run: StoredRun): RunView {
    const rows = this.deps.runs.rows(run.id).map((row) => this.row(row))
    const usage = rows.reduce(
      (sum, r) =>
        r.cached
          ? sum
          : {
              inputTokens: sum.inputTokens + r.usage.inputTokens,
              cachedTokens: sum.cachedTokens + r.usage.cachedTokens,
              outputTokens: sum.outputTokens + r.usage.outputTokens
            },
      { inputTokens: 0, cachedTokens: 0, outputTokens: 0 }
    )
    return { ...this.summary(run), instructions: run.instructions, schema: run.schema, rows, usage }
  }

  private row(row: StoredRow): ExtractRow {
    const asset = this.deps.assets.get(row.assetId)
    const original = row.result?.status === 'ok' ? row.result.fields : null
    const fields = original ? { ...original, ...row.edits } : null
    return {
      assetId: row.assetId,
      file: asset?.name ?? row.assetId,
      path: asset?.path ?? null,
      thumbPath: asset?.thumb.path ?? null,
      status: row.status,
      fields,
      original,
      edited: original ? Object.keys(row.edits) : [],
      error: row.error,
      raw: row.raw ?? (row.result?.status === 'refused' ? row.result.raw : null),
      usage: row.result?.usage ?? { inputTokens: 0, cachedTokens: 0, outputTokens: 0 },
      costUsd: row.cached || !row.result ? 0 : row.result.costUsd,
      cached: row.cached
    }
  }
}
