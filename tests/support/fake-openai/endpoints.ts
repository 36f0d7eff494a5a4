import { randomUUID } from 'node:crypto'
import { sample, sampleText } from './samples'
import type { Reply } from './types'

type Json = Record<string, unknown>

export interface Upload {
  id: string
  filename: string
  purpose: string
  bytes: number
  content: Buffer
}

/** Transcription in the format the request asked for, from the genuine recordings. */
export function transcription(form: Record<string, unknown>, reply?: Reply): { type: string; body: string } {
  const format = String(form.response_format ?? 'json')
  const verbose = sample('transcription-verbose-json-segments.json')
  if (reply?.segments) {
    verbose.segments = reply.segments.map((s, id) => ({
      ...(verbose.segments as Json[])[0],
      id,
      start: s.start,
      end: s.end,
      text: s.text
    }))
    verbose.text = reply.segments.map((s) => s.text.trim()).join(' ')
    verbose.duration = reply.segments.at(-1)?.end ?? verbose.duration
  }
  if (reply?.language) verbose.language = reply.language
  const granularities = [form['timestamp_granularities[]']].flat()
  if (format === 'verbose_json') {
    if (granularities.includes('word'))
      verbose.words = sample('extra/transcription-verbose-json-words.json').words
    return { type: 'application/json', body: JSON.stringify(verbose) }
  }
  const text = String(verbose.text)
  if (format === 'text') return { type: 'text/plain', body: text }
  if (format === 'srt') return { type: 'text/plain', body: `1\n00:00:00,000 --> 00:00:02,000\n${text}\n` }
  if (format === 'vtt')
    return { type: 'text/vtt', body: `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n${text}\n` }
  const json = sample('transcription-json-gpt-4o-mini-transcribe.json')
  if (reply?.segments || reply?.text) json.text = reply.text ?? text
  return { type: 'application/json', body: JSON.stringify(json) }
}

export function fileObject(upload: Upload): Json {
  const out = sample('file-upload.json')
  return {
    ...out,
    id: upload.id,
    filename: upload.filename,
    purpose: upload.purpose,
    bytes: upload.bytes,
    status: 'processed'
  }
}

export function newUpload(filename: string, purpose: string, content: Buffer): Upload {
  return {
    id: `file-fake${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    filename,
    purpose,
    bytes: content.length,
    content
  }
}

export function batchCreated(body: Json): Json {
  return {
    ...sample('extra/batch-create.json'),
    input_file_id: body.input_file_id,
    endpoint: body.endpoint,
    metadata: body.metadata ?? null
  }
}

export function batchCompleted(id: string, outputFileId: string): Json {
  return { ...sample('batch-completed.json'), id, output_file_id: outputFileId }
}

export const BATCH_OUTPUT = (): string => sampleText('batch-output.jsonl')

export function vectorStore(body: Json): Json {
  return { ...sample('vector-store-create.json'), name: body.name ?? null }
}

export function vectorStoreFile(storeId: string, fileId: string): Json {
  return { ...sample('vector-store-file-create.json'), id: fileId, vector_store_id: storeId }
}

export function vectorStoreFiles(): Json {
  return sample('extra/vector-store-files-list.json')
}

/** The documented deletion object (no recording of it exists). */
export function vectorStoreDeleted(id: string): Json {
  return { id, object: 'vector_store.deleted', deleted: true }
}

/**
 * No container file download was recorded; the bytes stand for the file the recorded code
 * interpreter run wrote (two_dice_sums_10000.txt ends with its TOTAL line).
 */
export function containerFileContent(fileId: string): string {
  return `7\n9\n4\nTOTAL: 70024\n# ${fileId}\n`
}

export function clientSecret(): Json {
  return sample('realtime-client-secret.json')
}

/** No model list was recorded; this is the documented list shape with the catalog's ids. */
export function modelList(ids: readonly string[]): Json {
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' }))
  }
}

export const ERRORS = {
  rateLimit: () => sample('error-429-rate-limit-tokens.json'),
  quota: () => sample('error-429-insufficient-quota.json'),
  context: () => sample('error-400-context-length-exceeded.json'),
  contextStreamEvent: () => sample('extra/responses-stream-error-context-length-exceeded.json'),
  unauthorized: () => sample('error-401-invalid-api-key.json'),
  unsupported: () => sample('extra/error-400-unsupported-parameter.json'),
  noSuchFile: () => sample('extra/error-404-no-such-file.json')
}
