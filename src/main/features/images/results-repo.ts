import type { ImageDetail, RowUsage } from '@shared/domain/extract'
import type { Db } from '../../store/database'

export interface StoredResult {
  key: string
  status: 'ok' | 'refused'
  fields: Record<string, unknown> | null
  raw: string | null
  usage: RowUsage
  costUsd: number
  requestId: string | null
  batch: boolean
}

interface Row {
  key: string
  status: 'ok' | 'refused'
  fields_json: string | null
  raw_text: string | null
  input_tokens: number
  cached_tokens: number
  output_tokens: number
  cost_usd: number
  request_id: string | null
  batch: number
}

export interface ResultIdentity {
  contentHash: string
  extractorVersion: string
  model: string
  detail: ImageDetail
}

/** Same picture, same extractor version, same model and detail: the same answer, paid for once. */
export function resultKey(id: ResultIdentity): string {
  return [id.contentHash, id.extractorVersion, id.model, id.detail].join(':')
}

/** Answers already paid for, whichever run asked. */
export class ResultsRepo {
  constructor(private readonly db: Db) {}

  get(key: string): StoredResult | null {
    const row = this.db.prepare('SELECT * FROM extraction_results WHERE key = ?').get(key) as Row | undefined
    return row ? toResult(row) : null
  }

  /** Keeps the newest answer for the key (a forced run replaces the old one). */
  put(id: ResultIdentity, result: Omit<StoredResult, 'key'>): string {
    const key = resultKey(id)
    this.db
      .prepare(
        `INSERT INTO extraction_results (key, content_hash, extractor_version, model, detail, status, fields_json,
           raw_text, input_tokens, cached_tokens, output_tokens, cost_usd, request_id, batch, created_at)
         VALUES (@key, @contentHash, @extractorVersion, @model, @detail, @status, @fieldsJson, @raw, @input,
           @cached, @output, @cost, @requestId, @batch, @now)
         ON CONFLICT(key) DO UPDATE SET status = @status, fields_json = @fieldsJson, raw_text = @raw,
           input_tokens = @input, cached_tokens = @cached, output_tokens = @output, cost_usd = @cost,
           request_id = @requestId, batch = @batch, created_at = @now`
      )
      .run({
        key,
        ...id,
        status: result.status,
        fieldsJson: result.fields ? JSON.stringify(result.fields) : null,
        raw: result.raw,
        input: result.usage.inputTokens,
        cached: result.usage.cachedTokens,
        output: result.usage.outputTokens,
        cost: result.costUsd,
        requestId: result.requestId,
        batch: result.batch ? 1 : 0,
        now: new Date().toISOString()
      })
    return key
  }
}

export function toResult(row: Row): StoredResult {
  return {
    key: row.key,
    status: row.status,
    fields: row.fields_json ? (JSON.parse(row.fields_json) as Record<string, unknown>) : null,
    raw: row.raw_text,
    usage: {
      inputTokens: row.input_tokens,
      cachedTokens: row.cached_tokens,
      outputTokens: row.output_tokens
    },
    costUsd: row.cost_usd,
    requestId: row.request_id,
    batch: row.batch === 1
  }
}
