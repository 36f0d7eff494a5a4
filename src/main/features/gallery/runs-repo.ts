import type { ImageUsage, RunOperation } from '@shared/domain/gallery'
import type { ErrorInfo } from '@shared/errors'
import type { Db } from '../../store/database'

export interface RunParent {
  assetId: string
  role: 'source' | 'reference'
}

export interface NewRun {
  id: string
  status: 'running' | 'complete'
  operation: RunOperation
  prompt: string
  model: string
  providerId: string | null
  params: Record<string, unknown>
  parents: RunParent[]
  mask: { hash: string; relPath: string } | null
  previousResponseId: string | null
  chainId: string
  createdAt: string
}

export interface StoredRun extends Omit<NewRun, 'status'> {
  status: 'running' | 'complete' | 'failed'
  revisedPrompt: string | null
  responseId: string | null
  usage: ImageUsage
  costUsd: number
  requestId: string | null
  error: { code: string; message: string } | null
  jobId: string | null
  /** Asset ids of the images it made, in order. */
  imageIds: string[]
}

export interface RunOutcome {
  revisedPrompt: string | null
  responseId: string | null
  usage: ImageUsage
  costUsd: number
  requestId: string | null
}

interface RunRow {
  id: string
  status: StoredRun['status']
  operation: RunOperation
  prompt: string
  revised_prompt: string | null
  model: string
  provider_id: string | null
  params_json: string
  mask_hash: string | null
  mask_rel_path: string | null
  response_id: string | null
  previous_response_id: string | null
  chain_id: string
  usage_json: string
  cost_usd: number
  request_id: string | null
  error_json: string | null
  job_id: string | null
  created_at: string
}

export const NO_IMAGE_USAGE: ImageUsage = { inputTokens: 0, outputTokens: 0, imageTokens: 0, images: 0 }

/** Image requests and what each made; the gallery's lineage is read from here. */
export class RunsRepo {
  constructor(private readonly db: Db) {}

  create(run: NewRun): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO image_runs (id, status, operation, prompt, model, provider_id, params_json, mask_hash,
             mask_rel_path, previous_response_id, chain_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          run.id,
          run.status,
          run.operation,
          run.prompt,
          run.model,
          run.providerId,
          JSON.stringify(run.params),
          run.mask?.hash ?? null,
          run.mask?.relPath ?? null,
          run.previousResponseId,
          run.chainId,
          run.createdAt
        )
      const parent = this.db.prepare(
        'INSERT INTO image_run_parents (run_id, idx, asset_id, role) VALUES (?, ?, ?, ?)'
      )
      run.parents.forEach((p, idx) => parent.run(run.id, idx, p.assetId, p.role))
    })()
  }

  setJob(id: string, jobId: string): void {
    this.db.prepare('UPDATE image_runs SET job_id = ? WHERE id = ?').run(jobId, id)
  }

  /** The request's answer, before its images are stored (so a failed save still shows what was paid). */
  recordOutcome(id: string, outcome: RunOutcome): void {
    this.db
      .prepare(
        `UPDATE image_runs SET revised_prompt = ?, response_id = ?, usage_json = ?, cost_usd = ?, request_id = ?
         WHERE id = ?`
      )
      .run(
        outcome.revisedPrompt,
        outcome.responseId,
        JSON.stringify(outcome.usage),
        outcome.costUsd,
        outcome.requestId,
        id
      )
  }

  /** One stored image; the mask (if any) becomes a file this image holds. */
  addImage(runId: string, idx: number, assetId: string, maskHash: string | null): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO generated_images (run_id, idx, asset_id, created_at) VALUES (?, ?, ?, ?)'
        )
        .run(runId, idx, assetId, new Date().toISOString())
      if (maskHash)
        this.db
          .prepare('INSERT OR IGNORE INTO blob_refs (hash, asset_id, role) VALUES (?, ?, ?)')
          .run(maskHash, assetId, 'mask')
    })()
  }

  complete(id: string): void {
    this.db
      .prepare(`UPDATE image_runs SET status = 'complete', error_json = NULL, finished_at = ? WHERE id = ?`)
      .run(new Date().toISOString(), id)
  }

  fail(id: string, error: ErrorInfo): void {
    this.db
      .prepare(`UPDATE image_runs SET status = 'failed', error_json = ?, finished_at = ? WHERE id = ?`)
      .run(JSON.stringify({ code: error.code, message: error.message }), new Date().toISOString(), id)
  }

  get(id: string): StoredRun | null {
    const row = this.db.prepare('SELECT * FROM image_runs WHERE id = ?').get(id) as RunRow | undefined
    return row ? this.toRun(row) : null
  }

  /** The run that made this image (the newest, if the same bytes came twice). */
  forAsset(assetId: string): StoredRun | null {
    const row = this.db
      .prepare(
        `SELECT r.* FROM generated_images g JOIN image_runs r ON r.id = g.run_id
         WHERE g.asset_id = ? ORDER BY g.created_at DESC LIMIT 1`
      )
      .get(assetId) as RunRow | undefined
    return row ? this.toRun(row) : null
  }

  /** Images made from this one (as source or reference), oldest first. */
  childrenOf(assetId: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT g.asset_id AS id FROM image_run_parents p
         JOIN generated_images g ON g.run_id = p.run_id
         WHERE p.asset_id = ? AND g.asset_id <> ? ORDER BY g.created_at, g.idx`
      )
      .all(assetId, assetId) as { id: string }[]
    return rows.map((r) => r.id)
  }

  isFavourite(assetId: string): boolean {
    return this.db.prepare('SELECT 1 FROM image_favourites WHERE asset_id = ?').get(assetId) !== undefined
  }

  setFavourite(assetId: string, favourite: boolean): void {
    if (favourite)
      this.db
        .prepare('INSERT OR IGNORE INTO image_favourites (asset_id, created_at) VALUES (?, ?)')
        .run(assetId, new Date().toISOString())
    else this.db.prepare('DELETE FROM image_favourites WHERE asset_id = ?').run(assetId)
  }

  /** Models that made at least one image still in the library, for the gallery's filter. */
  models(): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT r.model AS model FROM image_runs r JOIN generated_images g ON g.run_id = r.id
         ORDER BY r.model`
      )
      .all() as { model: string }[]
    return rows.map((r) => r.model)
  }

  private toRun(row: RunRow): StoredRun {
    const parents = this.db
      .prepare('SELECT asset_id AS assetId, role FROM image_run_parents WHERE run_id = ? ORDER BY idx')
      .all(row.id) as RunParent[]
    const images = this.db
      .prepare('SELECT asset_id AS id FROM generated_images WHERE run_id = ? ORDER BY idx')
      .all(row.id) as { id: string }[]
    return {
      id: row.id,
      status: row.status,
      operation: row.operation,
      prompt: row.prompt,
      revisedPrompt: row.revised_prompt,
      model: row.model,
      providerId: row.provider_id,
      params: JSON.parse(row.params_json) as Record<string, unknown>,
      parents,
      mask: row.mask_hash && row.mask_rel_path ? { hash: row.mask_hash, relPath: row.mask_rel_path } : null,
      previousResponseId: row.previous_response_id,
      responseId: row.response_id,
      chainId: row.chain_id,
      usage: { ...NO_IMAGE_USAGE, ...(JSON.parse(row.usage_json) as Partial<ImageUsage>) },
      costUsd: row.cost_usd,
      requestId: row.request_id,
      error: row.error_json ? (JSON.parse(row.error_json) as StoredRun['error']) : null,
      jobId: row.job_id,
      createdAt: row.created_at,
      imageIds: images.map((i) => i.id)
    }
  }
}
