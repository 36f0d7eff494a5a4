import type { ApiKind, UsageRecord, UsageSummary } from '@shared/domain/usage'
import type { Db } from '../../store/database'

export type NewUsage = Omit<UsageRecord, 'id' | 'createdAt'> & {
  createdAt?: string
  requestKey?: string | null
}

const TOTALS = `COALESCE(SUM(cost_usd), 0) AS costUsd, COALESCE(SUM(input_tokens), 0) AS inputTokens,
  COALESCE(SUM(cached_tokens), 0) AS cachedTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens,
  COALESCE(SUM(reasoning_tokens), 0) AS reasoningTokens, COUNT(*) AS calls`

interface Row {
  id: number
  created_at: string
  provider_id: string
  model: string
  api: ApiKind
  input_tokens: number
  cached_tokens: number
  output_tokens: number
  reasoning_tokens: number
  audio_tokens: number
  image_tokens: number
  audio_seconds: number
  characters: number
  images: number
  latency_ms: number
  request_id: string | null
  job_id: string | null
  batch: number
  cost_usd: number
}

export class UsageRepo {
  constructor(private readonly db: Db) {}

  /** Returns false when this request key already has its row (a retry cannot record twice). */
  insert(usage: NewUsage): boolean {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO usage (created_at, provider_id, model, api, input_tokens, cached_tokens, output_tokens,
           reasoning_tokens, audio_tokens, image_tokens, audio_seconds, characters, images, latency_ms, request_id, job_id,
           batch, cost_usd, request_key)
         VALUES (@createdAt, @providerId, @model, @api, @inputTokens, @cachedTokens, @outputTokens, @reasoningTokens,
           @audioTokens, @imageTokens, @audioSeconds, @characters, @images, @latencyMs, @requestId, @jobId, @batch, @costUsd,
           @requestKey)`
      )
      .run({
        ...usage,
        createdAt: usage.createdAt ?? new Date().toISOString(),
        batch: usage.batch ? 1 : 0,
        requestKey: usage.requestKey ?? null
      })
    return info.changes > 0
  }

  recent(limit: number): UsageRecord[] {
    return (this.db.prepare('SELECT * FROM usage ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toRecord)
  }

  forJob(jobId: string): UsageRecord[] {
    return (this.db.prepare('SELECT * FROM usage WHERE job_id = ? ORDER BY id').all(jobId) as Row[]).map(
      toRecord
    )
  }

  summary(range: { from?: string; to?: string }): UsageSummary {
    const where = 'WHERE created_at >= ? AND created_at < ?'
    const args = [range.from ?? '0000', range.to ?? '9999']
    const totals = this.db
      .prepare(`SELECT ${TOTALS} FROM usage ${where}`)
      .get(...args) as UsageSummary['totals']
    const byDay = this.db
      .prepare(
        `SELECT substr(created_at, 1, 10) AS day, ${TOTALS} FROM usage ${where} GROUP BY day ORDER BY day`
      )
      .all(...args) as UsageSummary['byDay']
    const byModel = this.db
      .prepare(`SELECT model, ${TOTALS} FROM usage ${where} GROUP BY model ORDER BY costUsd DESC`)
      .all(...args) as UsageSummary['byModel']
    const byJob = this.db
      .prepare(
        `SELECT u.job_id AS jobId, j.title AS title, ${TOTALS.replace(/SUM\(/g, 'SUM(u.').replace('COUNT(*)', 'COUNT(*)')}
         FROM usage u LEFT JOIN jobs j ON j.id = u.job_id ${where.replace(/created_at/g, 'u.created_at')} AND u.job_id IS NOT NULL
         GROUP BY u.job_id ORDER BY costUsd DESC LIMIT 100`
      )
      .all(...args) as UsageSummary['byJob']
    const cachedShare = totals.inputTokens > 0 ? totals.cachedTokens / totals.inputTokens : 0
    return { totals: { ...totals, cachedShare }, byDay, byModel, byJob }
  }
}

function toRecord(row: Row): UsageRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    providerId: row.provider_id,
    model: row.model,
    api: row.api,
    inputTokens: row.input_tokens,
    cachedTokens: row.cached_tokens,
    outputTokens: row.output_tokens,
    reasoningTokens: row.reasoning_tokens,
    audioTokens: row.audio_tokens,
    imageTokens: row.image_tokens,
    audioSeconds: row.audio_seconds,
    characters: row.characters,
    images: row.images,
    latencyMs: row.latency_ms,
    requestId: row.request_id,
    jobId: row.job_id,
    batch: row.batch === 1,
    costUsd: row.cost_usd
  }
}
