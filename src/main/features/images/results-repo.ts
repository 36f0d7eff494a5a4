import { randomUUID } from 'node:crypto'
import type { ImageDetail, RowUsage } from '@shared/domain/extract'
import type { Db } from '../../store/database'

export interface StoredResult {
  id: string
  status: 'ok' | 'refused'
  fields: Record<string, unknown> | null
  raw: string | null
  usage: RowUsage
  costUsd: number
  requestId: string | null
  batch: boolean
}

interface Row {
  id: string
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
function resultKey(id: ResultIdentity): string {
  return [id.contentHash, id.extractorVersion, id.model, id.detail].join(':')
}

/** Answers already paid for, whichever run asked. */
export class ResultsRepo {
  constructor(private readonly db: Db) {}

  /** The newest answer for this picture, extractor version, model and detail. */
  latest(identity: ResultIdentity): StoredResult | null {
    const row = this.db
      .prepare('SELECT * FROM extraction_results WHERE key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(resultKey(identity)) as Row | undefined
    return row ? toResult(row) : null
  }

  /** Stores a new answer (older ones stay with the runs that got them); returns its id. */
  put(identity: ResultIdentity, result: Omit<StoredResult, 'id'>): string {
    const id = randomUUID()
    this.db
      .prepare(
        `INSERT INTO extraction_results (id, key, content_hash, extractor_version, model, detail, status,
           fields_json, raw_text, input_tokens, cached_tokens, output_tokens, cost_usd, request_id, batch, created_at)
         VALUES (@id, @key, @contentHash, @extractorVersion, @model, @detail, @status, @fieldsJson, @raw, @input,
           @cached, @output, @cost, @requestId, @batch, @now)`
      )
      .run({
        id,
        key: resultKey(identity),
        ...identity,
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
    return id
  }
}

export function toResult(row: Row): StoredResult {
  return {
    id: row.id,
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
