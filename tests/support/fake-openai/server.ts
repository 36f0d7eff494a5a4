import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as audio from './audio'
import { FakeBatches, type BatchBehaviour } from './batches'
import { chatCompletion, chatStreamFrames } from './chat'
import * as endpoints from './endpoints'
import * as images from './images'
import { respondWithFault, sendJson } from './faults'
import { responseObject, responseStreamFrames } from './responses'
import { sampleHeaders } from './samples'
import { writeSse, type StreamControl } from './sse'
import type { Fault, Match, RecordedRequest, Reply } from './types'

export type { Fault, Reply, RecordedRequest } from './types'

export interface FakeOpenAI {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string
  origin: string
  requests: RecordedRequest[]
  fault(fault: Fault, match?: Match): void
  reply(reply: Reply, match?: Match): void
  /** How batches created from now on behave (a scripted batch line reply matches path "/batches/line"). */
  batchBehaviour(behaviour: BatchBehaviour): void
  /** Requests whose path contains this text (e.g. "chat/completions"). */
  requestsTo(path: string): RecordedRequest[]
  reset(): void
  close(): Promise<void>
}

interface Scripted<T> {
  value: T
  match: Match
  left: number
  /** Matching requests still to let through before this applies. */
  skip: number
}

const CATALOG = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'o3',
  'o4-mini',
  'gpt-4o',
  'gpt-4o-mini',
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'gpt-4o-transcribe-diarize',
  'tts-1',
  'tts-1-hd',
  'gpt-4o-mini-tts',
  'gpt-image-1',
  'dall-e-3'
]

/** An OpenAI-compatible server on 127.0.0.1 that replays genuine recordings and injects faults. */
export async function startFakeOpenAI(options: { port?: number } = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = []
  let faults: Scripted<Fault>[] = []
  let replies: Scripted<Reply>[] = []
  const uploads = new Map<string, endpoints.Upload>()
  const hanging = new Set<ServerResponse>()
  const batches = new FakeBatches(uploads, () => take(replies, '/v1/batches/line'))
  let counter = 0

  const take = <T>(list: Scripted<T>[], path: string): T | undefined => {
    const found = list.find((s) => s.left > 0 && matches(s.match, path) && s.skip-- <= 0)
    if (found) found.left -= 1
    return found?.value
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: String(error), type: 'fake_server_error' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await record(req)
    requests.push(recorded)
    counter += 1
    const requestId = `req_fake_${String(counter).padStart(6, '0')}`
    const path = recorded.path
    const fault = take(faults, path)
    const isResponses = path.endsWith('/responses')
    if (fault?.kind === 'slow_first_byte') await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault && respondWithFault(res, fault, requestId, isResponses, recorded)) {
      if (fault.kind === 'hang') hanging.add(res)
      return
    }
    const control: StreamControl =
      fault?.kind === 'cut_stream'
        ? { cutAfter: fault.afterEvents }
        : fault?.kind === 'stall_stream'
          ? { stallAfter: fault.afterEvents }
          : fault?.kind === 'slow_stream'
            ? { delayMs: fault.delayMs }
            : {}
    if (fault?.kind === 'stall_stream') hanging.add(res)
    const reply = take(replies, path)
    res.setHeader('x-request-id', requestId)
    res.setHeader('openai-processing-ms', '42')
    await route(recorded, reply, res, control)
  }

  async function route(
    r: RecordedRequest,
    reply: Reply | undefined,
    res: ServerResponse,
    control: StreamControl
  ): Promise<void> {
    const body = (r.body ?? {}) as Record<string, unknown>
    const p = r.path
    if (p.endsWith('/chat/completions')) {
      for (const [k, v] of Object.entries(sampleHeaders('chat-completion-plain.http.json')))
        res.setHeader(k, v)
      if (body.stream) return writeSse(res, chatStreamFrames(body, reply), control)
      return sendBody(res, chatCompletion(body, reply), control)
    }
    // A scripted reply stands for a model that answers without calling the tool.
    if (p.endsWith('/responses') && images.wantsImageTool(body) && !reply) {
      if (body.stream) return writeSse(res, images.imageToolStreamFrames(body), control)
      return sendBody(res, images.imageToolResponse(body), control)
    }
    if (p.endsWith('/responses')) {
      if (body.stream) return writeSse(res, responseStreamFrames(body, reply), control)
      return sendBody(res, responseObject(body, reply), control)
    }
    if (p.endsWith('/audio/transcriptions')) {
      const out = audio.transcription(r.form ?? {}, reply)
      res.writeHead(200, { 'content-type': out.type })
      return void res.end(out.body)
    }
    if (p.endsWith('/audio/speech')) {
      const out = audio.speechAudio(body)
      res.writeHead(200, { 'content-type': out.type })
      return void res.end(out.audio)
    }
    if (/\/images\/(generations|edits|variations)$/.test(p)) {
      const fields = r.form ?? body
      if (fields.stream === true || fields.stream === 'true')
        return writeSse(res, images.imagesStreamFrames(fields, p.endsWith('/edits')), control)
      return sendJson(res, 200, images.imagesResponse(fields, reply))
    }
    if (p.endsWith('/models')) return sendJson(res, 200, endpoints.modelList(CATALOG))
    if (p.endsWith('/realtime/client_secrets')) return sendJson(res, 200, endpoints.clientSecret())
    return filesAndBatches(r, body, res)
  }

  function filesAndBatches(r: RecordedRequest, body: Record<string, unknown>, res: ServerResponse): void {
    const p = r.path
    const containerFile = /\/containers\/([^/]+)\/files\/([^/]+)\/content$/.exec(p)
    if (containerFile) return void res.end(endpoints.containerFileContent(containerFile[2] as string))
    const fileMatch = /\/files\/([^/]+)(\/content)?$/.exec(p)
    if (p.endsWith('/files') && r.method === 'POST' && !p.includes('/vector_stores/')) {
      const form = r.form ?? {}
      const file = form.file as { filename: string; content: Buffer }
      const upload = endpoints.newUpload(file.filename, String(form.purpose), file.content)
      uploads.set(upload.id, upload)
      return sendJson(res, 200, endpoints.fileObject(upload))
    }
    if (fileMatch && !p.includes('/vector_stores/')) {
      const id = fileMatch[1] as string
      if (id.startsWith('file-out')) return void res.end(endpoints.BATCH_OUTPUT())
      const upload = uploads.get(id)
      if (!upload) return sendJson(res, 404, endpoints.ERRORS.noSuchFile())
      if (fileMatch[2]) return void res.end(upload.content)
      if (r.method === 'DELETE') return sendJson(res, 200, { id, object: 'file', deleted: true })
      return sendJson(res, 200, endpoints.fileObject(upload))
    }
    const batch = /\/batches\/([^/]+)(\/cancel)?$/.exec(p)
    if (p.endsWith('/batches') && r.method === 'POST')
      return sendJson(
        res,
        200,
        uploads.has(String(body.input_file_id)) ? batches.create(body) : endpoints.batchCreated(body)
      )
    if (batch?.[2])
      return sendJson(res, 200, batches.cancel(batch[1] as string) ?? endpoints.ERRORS.noSuchFile())
    if (batch)
      return sendJson(
        res,
        200,
        batches.retrieve(batch[1] as string) ?? endpoints.batchCompleted(batch[1] as string, 'file-out-batch')
      )
    const storeId = /\/vector_stores\/([^/]+)$/.exec(p)
    if (storeId && r.method === 'DELETE')
      return sendJson(res, 200, endpoints.vectorStoreDeleted(storeId[1] as string))
    const store = /\/vector_stores\/([^/]+)\/files$/.exec(p)
    if (p.endsWith('/vector_stores') && r.method === 'POST')
      return sendJson(res, 200, endpoints.vectorStore(body))
    if (store && r.method === 'POST')
      return sendJson(res, 200, endpoints.vectorStoreFile(store[1] as string, String(body.file_id)))
    if (store) return sendJson(res, 200, endpoints.vectorStoreFiles())
    sendJson(res, 404, {
      error: {
        message: `Fake server has no route for ${r.method} ${p}`,
        type: 'invalid_request_error',
        param: null,
        code: null
      }
    })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    fault: (fault, match = {}) =>
      faults.push({ value: fault, match, left: match.times ?? 1, skip: match.after ?? 0 }),
    reply: (reply, match = {}) =>
      replies.push({ value: reply, match, left: match.times ?? 1, skip: match.after ?? 0 }),
    batchBehaviour: (behaviour) => {
      batches.behaviour = behaviour
    },
    requestsTo: (path) => requests.filter((r) => r.path.includes(path)),
    reset: () => {
      requests.length = 0
      faults = []
      replies = []
      batches.behaviour = {}
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function matches(match: Match, path: string): boolean {
  if (match.path === undefined) return true
  return typeof match.path === 'string' ? path.endsWith(match.path) : match.path.test(path)
}

function sendBody(res: ServerResponse, body: unknown, control: StreamControl): void {
  const text = JSON.stringify(body)
  if (control.cutAfter !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) })
    res.write(text.slice(0, Math.floor(text.length / 2)))
    res.socket?.destroy()
    return
  }
  sendJson(res, 200, body)
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])
  )
  const type = headers['content-type'] ?? ''
  const recorded: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: null,
    at: Date.now()
  }
  if (type.startsWith('multipart/form-data')) recorded.form = await parseForm(raw, type)
  else if (raw.length > 0)
    recorded.body = type.includes('json') ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8')
  return recorded
}

async function parseForm(raw: Buffer, type: string): Promise<Record<string, unknown>> {
  const form = await new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: new Uint8Array(raw)
  }).formData()
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) {
    const entry =
      typeof value === 'string'
        ? value
        : {
            filename: value.name,
            size: value.size,
            type: value.type,
            content: Buffer.from(await value.arrayBuffer())
          }
    out[key] = key in out ? [out[key], entry].flat() : entry
  }
  return out
}
