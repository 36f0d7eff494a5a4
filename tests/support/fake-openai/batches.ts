import { randomUUID } from 'node:crypto'
import { chatCompletion } from './chat'
import { newUpload, type Upload } from './endpoints'
import { sample } from './samples'
import type { Reply } from './types'

type Json = Record<string, unknown>

/** How the next batches behave: polls until done, lines that fail, or expiry instead of completion. */
export interface BatchBehaviour {
  /** Polls (GET /batches/:id) before the batch reports completed; default 3. */
  pollsToComplete?: number
  /** custom_ids answered with a 400 in the error file. */
  failCustomIds?: string[]
  /** The batch expires: only lines before this index were answered. */
  expireAfterLines?: number
}

interface FakeBatch {
  id: string
  created: Json
  lines: { custom_id: string; body: Json }[]
  polls: number
  behaviour: BatchBehaviour
  cancelled: boolean
  done: Json | null
}

/**
 * Batches that move through validating → in_progress → finalizing → completed over a few polls,
 * answering each input line like the chat endpoint does (a scripted reply, or one made to fit the
 * line's JSON schema), in the genuine batch-output line shape.
 */
export class FakeBatches {
  private readonly batches = new Map<string, FakeBatch>()
  behaviour: BatchBehaviour = {}

  constructor(
    private readonly uploads: Map<string, Upload>,
    private readonly nextReply: () => Reply | undefined
  ) {}

  create(body: Json): Json {
    const input = this.uploads.get(String(body.input_file_id))
    const lines = (input?.content.toString('utf8') ?? '')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { custom_id?: string; body?: Json })
      .map((l, i) => ({ custom_id: l.custom_id ?? `line-${i + 1}`, body: l.body ?? {} }))
    const id = `batch_fake${randomUUID().replace(/-/g, '').slice(0, 24)}`
    const created = {
      ...sample('extra/batch-create.json'),
      id,
      input_file_id: body.input_file_id,
      endpoint: body.endpoint,
      metadata: body.metadata ?? null,
      status: 'validating',
      created_at: Math.floor(Date.now() / 1000),
      request_counts: { total: lines.length, completed: 0, failed: 0 }
    }
    this.batches.set(id, {
      id,
      created,
      lines,
      polls: 0,
      behaviour: { ...this.behaviour },
      cancelled: false,
      done: null
    })
    return created
  }

  /** Each poll moves the batch on; the finished state (and its files) never changes again. */
  retrieve(id: string): Json | null {
    const batch = this.batches.get(id)
    if (!batch) return null
    if (batch.done) return batch.done
    batch.polls += 1
    const needed = batch.behaviour.pollsToComplete ?? 3
    if (batch.cancelled || batch.polls >= needed) return this.finish(batch)
    const status = batch.polls >= needed - 1 ? 'finalizing' : 'in_progress'
    const completed = Math.floor((batch.lines.length * batch.polls) / needed)
    return { ...batch.created, status, request_counts: { total: batch.lines.length, completed, failed: 0 } }
  }

  cancel(id: string): Json | null {
    const batch = this.batches.get(id)
    if (!batch) return null
    if (!batch.done) batch.cancelled = true
    return { ...batch.created, status: batch.done ? batch.done.status : 'cancelling' }
  }

  private finish(batch: FakeBatch): Json {
    const failIds = new Set(batch.behaviour.failCustomIds ?? [])
    const answered = batch.cancelled
      ? []
      : batch.lines.slice(0, batch.behaviour.expireAfterLines ?? batch.lines.length)
    const ok = answered.filter((l) => !failIds.has(l.custom_id))
    const failed = answered.filter((l) => failIds.has(l.custom_id))
    const output = ok.map((line) => outputLine(line, this.nextReply()))
    const errors = failed.map(errorLine)
    const outFile = output.length ? this.store(`batch_${batch.id}_output.jsonl`, output) : null
    const errFile = errors.length ? this.store(`batch_${batch.id}_error.jsonl`, errors) : null
    const status = batch.cancelled
      ? 'cancelled'
      : batch.behaviour.expireAfterLines !== undefined
        ? 'expired'
        : 'completed'
    batch.done = {
      ...sample('batch-completed.json'),
      id: batch.id,
      input_file_id: batch.created.input_file_id,
      endpoint: batch.created.endpoint,
      metadata: batch.created.metadata,
      created_at: batch.created.created_at,
      status,
      output_file_id: outFile,
      error_file_id: errFile,
      request_counts: { total: batch.lines.length, completed: output.length, failed: errors.length }
    }
    return batch.done
  }

  private store(name: string, lines: Json[]): string {
    const upload = newUpload(
      name,
      'batch_output',
      Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    )
    this.uploads.set(upload.id, upload)
    return upload.id
  }
}

function outputLine(line: { custom_id: string; body: Json }, reply: Reply | undefined): Json {
  const schema = (line.body.response_format as { json_schema?: { schema?: Json } } | undefined)?.json_schema
    ?.schema
  const answer = reply ?? (schema ? { json: exampleFor(schema, line.custom_id) } : undefined)
  return {
    id: `batch_req_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    custom_id: line.custom_id,
    response: {
      status_code: 200,
      request_id: randomUUID().replace(/-/g, ''),
      body: chatCompletion(line.body, answer)
    },
    error: null
  }
}

function errorLine(line: { custom_id: string }): Json {
  return {
    id: `batch_req_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    custom_id: line.custom_id,
    response: {
      status_code: 400,
      request_id: randomUUID().replace(/-/g, ''),
      body: {
        error: {
          message: 'Invalid image: the image could not be decoded.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_image'
        }
      }
    },
    error: null
  }
}

/** A value that fits the schema (strict subset): the first enum value, 1 for numbers, a labelled string. */
export function exampleFor(schema: Json, label: string): unknown {
  const type = [schema.type].flat().find((t) => t !== 'null')
  if (Array.isArray(schema.enum)) return schema.enum[0]
  if (type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Json>
    return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, exampleFor(v, `${k} ${label}`)]))
  }
  if (type === 'array') return [exampleFor((schema.items ?? { type: 'string' }) as Json, label)]
  if (type === 'number' || type === 'integer') return 1
  if (type === 'boolean') return true
  return label
}
