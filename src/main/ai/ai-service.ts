import type OpenAI from 'openai'
import type { ConnectionTest, Provider, Task } from '@shared/domain/provider'
import { AppError } from '@shared/errors'
import { createClient } from './client-factory'
import { chat, chatParams, type ChatRequest, type ChatResult } from './calls/chat'
import type { ChatBody } from './model-traits'
import { respond, responsesParams, type ResponsesRequest, type ResponsesResult } from './calls/responses'
import {
  speech,
  transcribe,
  type SpeechRequest,
  type TranscribeRequest,
  type Transcription
} from './calls/audio'
import { generateImages, type GeneratedImages, type ImageRequest } from './calls/images'
import {
  batchOutcomes,
  cancelBatch,
  createBatch,
  retrieveBatch,
  type BatchEndpoint,
  type BatchOutcome
} from './calls/batch'
import {
  addVectorStoreFile,
  createVectorStore,
  deleteVectorStore,
  downloadContainerFile,
  listVectorStoreFiles,
  uploadFile
} from './calls/vector-stores'
import { toAiError } from './errors'
import type { AiExecutor, CallContext, CallResult } from './executor'
import type { ProviderService } from './provider-service'
import type { UsageLedger } from './usage-ledger'
import { fromChatUsage, fromResponsesUsage, fromTranscriptionUsage, NO_USAGE } from './usage-parse'

/** Sensible models per task when a provider has no default set (OpenAI-style names). */
const TASK_DEFAULTS: Record<Task, string> = {
  vision: 'gpt-4o-mini',
  summary: 'gpt-4o-mini',
  transcription: 'whisper-1',
  speech: 'gpt-4o-mini-tts',
  image: 'gpt-image-1'
}

/** Every model call of every pipeline goes through here (and from here through the executor). */
export class AiService {
  constructor(
    private readonly deps: {
      executor: AiExecutor
      providers: ProviderService
      ledger: UsageLedger
      env: NodeJS.ProcessEnv
    }
  ) {}

  chat(request: ChatRequest, ctx: CallContext = {}): Promise<CallResult<ChatResult>> {
    return chat(this.deps.executor, request, ctx)
  }

  respond(request: ResponsesRequest, ctx: CallContext = {}): Promise<CallResult<ResponsesResult>> {
    return respond(this.deps.executor, request, ctx)
  }

  transcribe(request: TranscribeRequest, ctx: CallContext = {}): Promise<CallResult<Transcription>> {
    return transcribe(this.deps.executor, request, ctx)
  }

  speech(request: SpeechRequest, ctx: CallContext = {}): Promise<CallResult<Buffer>> {
    return speech(this.deps.executor, request, ctx)
  }

  generateImages(request: ImageRequest, ctx: CallContext = {}): Promise<CallResult<GeneratedImages>> {
    return generateImages(this.deps.executor, request, ctx)
  }

  createBatch(
    request: {
      model: string
      endpoint: BatchEndpoint
      file: string
      metadata?: Record<string, string>
    },
    ctx: CallContext = {}
  ) {
    return createBatch(this.deps.executor, request, ctx)
  }

  retrieveBatch(id: string, ctx: CallContext = {}): Promise<OpenAI.Batches.Batch> {
    return retrieveBatch(this.deps.executor, id, ctx)
  }

  cancelBatch(id: string, ctx: CallContext = {}): Promise<OpenAI.Batches.Batch> {
    return cancelBatch(this.deps.executor, id, ctx)
  }

  /** The exact chat body a request becomes for this provider: what a Batch input line carries. */
  async chatBody(request: ChatRequest, providerId?: string | null): Promise<ChatBody> {
    const resolved = await this.deps.providers.resolve(providerId)
    return chatParams(request, { resolved, model: request.model })
  }

  /** The lines of a finished batch's error file (requests that never reached a model). */
  batchErrors(
    batch: OpenAI.Batches.Batch,
    providerId: string,
    ctx: CallContext = {}
  ): Promise<BatchOutcome[]> {
    if (!batch.error_file_id) return Promise.resolve([])
    return batchOutcomes(this.deps.executor, batch.error_file_id, { ...ctx, providerId })
  }

  /** Results of a finished batch, each recorded once at the Batch discount (its cost on the outcome). */
  async batchResults(
    batch: OpenAI.Batches.Batch,
    providerId: string,
    ctx: CallContext = {}
  ): Promise<BatchOutcome[]> {
    if (!batch.output_file_id)
      throw new AppError('CONFLICT', `Batch ${batch.id} has no results yet (status ${batch.status}).`)
    const outcomes = await batchOutcomes(this.deps.executor, batch.output_file_id, { ...ctx, providerId })
    for (const outcome of outcomes) {
      const body = outcome.body as { model?: string; usage?: object; id?: string } | null
      if (!body?.usage) continue
      // A batch line answers either API: chat usage counts prompt tokens, responses usage input tokens.
      const usage = 'prompt_tokens' in body.usage ? fromChatUsage(body.usage) : fromResponsesUsage(body.usage)
      outcome.usage = usage
      outcome.costUsd = this.deps.ledger.record({
        providerId,
        model: body.model ?? 'unknown',
        api: 'batch',
        usage,
        latencyMs: 0,
        requestId: body.id ?? null,
        jobId: ctx.jobId ?? null,
        batch: true,
        requestKey: `${batch.id}:${outcome.customId}`
      })
    }
    return outcomes
  }

  /**
   * Records one Realtime response (a WebSocket, not an SDK call, so not through the executor).
   * Audio input tokens include their cached part; only the uncached part is priced as audio.
   */
  recordRealtime(entry: {
    providerId: string
    model: string
    usage: {
      inputTokens: number
      outputTokens: number
      cachedTokens: number
      audioInputTokens: number
      audioOutputTokens: number
    }
    cachedAudioTokens: number
    latencyMs: number
    requestId: string | null
  }): number {
    const { usage } = entry
    return this.deps.ledger.record({
      providerId: entry.providerId,
      model: entry.model,
      api: 'realtime',
      usage: {
        ...NO_USAGE,
        inputTokens: usage.inputTokens,
        cachedTokens: usage.cachedTokens,
        outputTokens: usage.outputTokens,
        audioTokens: usage.audioInputTokens + usage.audioOutputTokens
      },
      audioSplit: {
        input: Math.max(0, usage.audioInputTokens - entry.cachedAudioTokens),
        output: usage.audioOutputTokens
      },
      latencyMs: entry.latencyMs,
      requestId: entry.requestId,
      jobId: null
    })
  }

  /**
   * Records a transcription billed outside a call of ours: a Realtime session's transcription of
   * what the user said (usage as the transcription API reports it: tokens, or seconds).
   */
  recordTranscription(entry: { providerId: string; model: string; usage: unknown }): number {
    return this.deps.ledger.record({
      providerId: entry.providerId,
      model: entry.model,
      api: 'transcription',
      usage: fromTranscriptionUsage(entry.usage as object | null, 0),
      latencyMs: 0,
      requestId: null,
      jobId: null
    })
  }

  uploadFile(path: string, purpose: OpenAI.FilePurpose, ctx: CallContext = {}) {
    return uploadFile(this.deps.executor, path, purpose, ctx)
  }

  createVectorStore(name: string, fileIds: string[], ctx: CallContext = {}) {
    return createVectorStore(this.deps.executor, name, fileIds, ctx)
  }

  listVectorStoreFiles(storeId: string, ctx: CallContext = {}) {
    return listVectorStoreFiles(this.deps.executor, storeId, ctx)
  }

  addVectorStoreFile(storeId: string, fileId: string, ctx: CallContext = {}) {
    return addVectorStoreFile(this.deps.executor, storeId, fileId, ctx)
  }

  deleteVectorStore(storeId: string, ctx: CallContext = {}) {
    return deleteVectorStore(this.deps.executor, storeId, ctx)
  }

  downloadContainerFile(containerId: string, fileId: string, ctx: CallContext = {}) {
    return downloadContainerFile(this.deps.executor, containerId, fileId, ctx)
  }

  /** The exact responses body a request becomes for this provider ("view as code"). */
  async responsesBody(request: ResponsesRequest, providerId?: string | null) {
    const resolved = await this.deps.providers.resolve(providerId)
    return responsesParams(request, { resolved, model: request.model })
  }

  /** The model for a task: the provider's chosen default, else a sensible one it offers. */
  async modelFor(task: Task, providerId?: string | null): Promise<{ model: string; provider: Provider }> {
    const { provider } = await this.deps.providers.resolve(providerId)
    const preferred = provider.defaultModels[task]
    if (preferred) return { model: preferred, provider }
    const fallback = TASK_DEFAULTS[task]
    const openaiStyle = ['openai', 'azure'].includes(provider.kind) || provider.id === 'env'
    return {
      model: openaiStyle || provider.models.includes(fallback) ? fallback : (provider.models[0] ?? fallback),
      provider
    }
  }

  /** Lists models (GET /models), timing the round trip; errors come back in plain words. */
  async testProvider(id: string): Promise<ConnectionTest> {
    return this.deps.providers.test(id, async (resolved) => {
      const client = createClient(resolved, this.deps.env).withOptions({ timeout: 15_000 })
      try {
        const ids: string[] = []
        for await (const model of client.models.list()) ids.push(model.id)
        return ids.sort()
      } catch (error) {
        throw toAiError(error, resolved.provider.name)
      }
    })
  }
}
