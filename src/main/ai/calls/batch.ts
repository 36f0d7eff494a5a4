import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import type OpenAI from 'openai'
import type { AiExecutor, CallContext, CallResult } from '../executor'
import type { UsageFields } from '../usage-parse'
import { NO_USAGE } from '../usage-parse'
import { unbilled } from './unbilled'
import { openaiSdk } from '../openai-sdk'

export type BatchEndpoint = '/v1/chat/completions' | '/v1/responses'

export interface BatchOutcome {
  customId: string
  statusCode: number | null
  body: Record<string, unknown> | null
  error: unknown
  /** Set once the line's usage is recorded (output lines only). */
  usage?: UsageFields
  costUsd?: number
}

/** Uploads a JSONL input file (purpose "batch") and creates the batch. */
export async function createBatch(
  exec: AiExecutor,
  request: { model: string; endpoint: BatchEndpoint; file: string; metadata?: Record<string, string> },
  ctx: CallContext
): Promise<CallResult<OpenAI.Batches.Batch>> {
  return exec.execute(
    {
      api: 'batch',
      model: request.model,
      needs: ['batch'],
      billable: false,
      run: async ({ client, signal }) => {
        const uploaded = await client.files.create(
          {
            file: await openaiSdk().toFile(createReadStream(request.file), basename(request.file)),
            purpose: 'batch'
          },
          { signal }
        )
        const { data, request_id } = await client.batches
          .create(
            {
              input_file_id: uploaded.id,
              endpoint: request.endpoint,
              completion_window: '24h',
              metadata: request.metadata
            },
            { signal }
          )
          .withResponse()
        return { value: data, usage: NO_USAGE, requestId: request_id ?? null }
      }
    },
    ctx
  )
}

export function retrieveBatch(exec: AiExecutor, id: string, ctx: CallContext): Promise<OpenAI.Batches.Batch> {
  return unbilled(
    exec,
    { model: 'batch', needs: ['batch'] },
    ({ client, signal }) => client.batches.retrieve(id, { signal }),
    ctx
  )
}

export function cancelBatch(exec: AiExecutor, id: string, ctx: CallContext): Promise<OpenAI.Batches.Batch> {
  return unbilled(
    exec,
    { model: 'batch', needs: ['batch'] },
    ({ client, signal }) => client.batches.cancel(id, { signal }),
    ctx
  )
}

/** Reads a finished batch's output (or error) lines. */
export async function batchOutcomes(
  exec: AiExecutor,
  outputFileId: string,
  ctx: CallContext
): Promise<BatchOutcome[]> {
  const text = await unbilled(
    exec,
    { model: 'batch', needs: ['batch'] },
    async ({ client, signal }) => (await client.files.content(outputFileId, { signal })).text(),
    ctx
  )
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as {
          custom_id: string
          response?: { status_code?: number; body?: Record<string, unknown> }
          error?: unknown
        }
    )
    .map((l) => ({
      customId: l.custom_id,
      statusCode: l.response?.status_code ?? null,
      body: l.response?.body ?? null,
      error: l.error ?? null
    }))
}
