import {
  SendInput,
  type CodeLanguage,
  TurnSettings,
  type Conversation,
  type ConversationSummary,
  type Message,
  type MessagePart,
  type TurnResult
} from '@shared/domain/playground'
import { AppError, toErrorInfo } from '@shared/errors'
import type { z } from 'zod'
import type { AiService } from '../../ai/ai-service'
import type { ProviderService } from '../../ai/provider-service'
import type { AnswerRunner } from './answer-runner'
import type { Attachments } from './attachments'
import type { ConversationsRepo } from './conversations-repo'
import { previousResponseId, settled } from './history'
import { instructionsWithSummary, summariseConversation } from './condense'
import { exportConversation, type ExportedConversation } from './conversation-export'
import { requestCode } from './request-code'
import { checkTurn } from './tool-specs'
import { turnResult } from './turn-result'

type Send = z.output<typeof SendInput>
type ImageInput = Send['images'][number]

export interface PlaygroundDeps {
  repo: ConversationsRepo
  ai: AiService
  providers: ProviderService
  runner: AnswerRunner
  attachments: Attachments
  running: Map<string, AbortController>
}

/** The Playground: stored conversations on either API, with tools, functions and schemas. */
export class PlaygroundService {
  constructor(private readonly deps: PlaygroundDeps) {}

  list(limit: number, search?: string): ConversationSummary[] {
    return this.deps.repo.list(limit, search)
  }

  get(id: string): Conversation {
    const { repo } = this.deps
    return { ...repo.summary(id), settings: repo.settings(id), messages: repo.messages(id) }
  }

  async send(input: Send): Promise<TurnResult> {
    const settings = input.settings
    const model = await this.prepare(settings, input.images.length > 0)
    const { repo } = this.deps
    const conversationId = input.conversationId ?? repo.create(titleOf(input.prompt), settings).id
    this.settleCandidates(conversationId)
    if (input.replaceFrom) repo.deleteFrom(conversationId, input.replaceFrom)
    const before = settled(repo.messages(conversationId))
    const continuing = input.toolOutputs.length > 0
    const previous = continuing
      ? this.pendingResponseId(before, settings)
      : previousResponseId(before, settings.providerId)
    // Calls Framewise answered itself in the same round were never sent: they go with the user's.
    const toolOutputs = continuing
      ? [...answeredLocally(before.at(-1), input.toolOutputs), ...input.toolOutputs]
      : []
    const user = continuing
      ? this.storeToolOutputs(conversationId, before, input.toolOutputs)
      : await this.storeUserTurn(conversationId, input.prompt, input.images)
    const message = await this.deps.runner
      .answer({
        conversationId,
        settings,
        model,
        history: settled(repo.messages(conversationId)),
        user: continuing ? null : user,
        toolOutputs,
        previousResponseId: previous,
        prompt: input.prompt,
        dropOldest: input.dropOldest,
        stream: input.stream,
        candidate: null,
        streamId: input.streamId
      })
      .finally(() => repo.touch(conversationId, settings))
    return turnResult(message)
  }

  /** One prompt to several columns at once; every answer stays a candidate until one is picked. */
  async compare(input: {
    conversationId?: string
    prompt: string
    images: ImageInput[]
    columns: TurnSettings[]
    streamIds: string[]
  }): Promise<{
    conversationId: string
    results: (TurnResult | { error: { code: string; message: string } })[]
  }> {
    const models = await Promise.all(input.columns.map((s) => this.prepare(s, input.images.length > 0)))
    const { repo } = this.deps
    const first = input.columns[0] as TurnSettings
    const conversationId = input.conversationId ?? repo.create(titleOf(input.prompt), first).id
    this.settleCandidates(conversationId)
    const before = settled(repo.messages(conversationId))
    const user = await this.storeUserTurn(conversationId, input.prompt, input.images)
    const history = [...before, user]
    const results = await Promise.all(
      input.columns.map((settings, i) =>
        this.deps.runner
          .answer({
            conversationId,
            settings,
            model: models[i] as string,
            history,
            user,
            toolOutputs: [],
            previousResponseId:
              settings.api === 'responses' ? previousResponseId(before, settings.providerId) : null,
            prompt: input.prompt,
            dropOldest: false,
            stream: true,
            candidate: i,
            streamId: input.streamIds[i]
          })
          .then(turnResult, (error: unknown) => ({ error: pick(toErrorInfo(error)) }))
      )
    )
    repo.touch(conversationId)
    return { conversationId, results }
  }

  /** The chosen column's answer stays, the others go, and its settings are the conversation's. */
  pick(messageId: string): Conversation {
    const { repo } = this.deps
    const message = repo.message(messageId)
    if (message.candidate === null) throw new AppError('CONFLICT', 'This answer is not one of a comparison.')
    repo.keepCandidate(message)
    repo.touch(message.conversationId, message.settings ?? undefined)
    return this.get(message.conversationId)
  }

  stop(streamId: string): { ok: boolean } {
    const controller = this.deps.running.get(streamId)
    controller?.abort()
    return { ok: Boolean(controller) }
  }

  /** Too long to go on: a new conversation whose instructions carry a summary of this one. */
  async condense(id: string): Promise<ConversationSummary> {
    const { repo } = this.deps
    const settings = repo.settings(id)
    const model = await this.prepare({ ...settings, tools: [], functions: [], localTools: false }, false)
    const summary = await summariseConversation(this.deps.ai, settled(repo.messages(id)), settings, model)
    const title = `${repo.summary(id).title} …`
    return repo.create(title.slice(0, 200), {
      ...settings,
      instructions: instructionsWithSummary(settings.instructions, summary)
    })
  }

  export(id: string, format: 'md' | 'json'): ExportedConversation {
    return exportConversation(this.get(id), format)
  }

  /** The exact body an answer was requested with, as code (the key read from the environment). */
  async code(messageId: string, language: CodeLanguage): Promise<{ code: string; body: unknown }> {
    const message = this.deps.repo.message(messageId)
    const body = this.deps.repo.requestBody(messageId)
    if (!body || !message.api) throw new AppError('NOT_FOUND', 'This message was not a request to a model.')
    const { provider } = await this.deps.providers.resolve(message.provider)
    return { code: requestCode(body, message.api, provider.baseURL, language), body }
  }

  rename(id: string, title: string): ConversationSummary {
    return this.deps.repo.rename(id, title)
  }

  pin(id: string, pinned: boolean): ConversationSummary {
    return this.deps.repo.pin(id, pinned)
  }

  delete(id: string): { ok: boolean } {
    this.deps.runner.stopConversation(id)
    return { ok: this.deps.repo.delete(id) }
  }

  /** Checks the turn against the provider and picks the model, before anything is stored or sent. */
  private async prepare(settings: TurnSettings, hasImages: boolean): Promise<string> {
    const { provider } = await this.deps.providers.resolve(settings.providerId)
    checkTurn(settings, provider)
    return (
      settings.model ??
      (await this.deps.ai.modelFor(hasImages ? 'vision' : 'summary', settings.providerId)).model
    )
  }

  /** Sending on without picking a winner keeps the first column's answer. */
  private settleCandidates(conversationId: string): void {
    // Sending on without picking keeps a column: the first whole answer, not a failed one.
    const candidates = this.deps.repo.messages(conversationId).filter((m) => m.candidate !== null)
    const kept = candidates.find((m) => m.status === 'complete') ?? candidates[0]
    if (kept) this.deps.repo.keepCandidate(kept)
  }

  private async storeUserTurn(
    conversationId: string,
    prompt: string,
    images: ImageInput[]
  ): Promise<Message> {
    if (!prompt.trim() && images.length === 0)
      throw new AppError('VALIDATION_FAILED', 'Type a message or attach an image first.')
    const attached = await this.deps.attachments.resolve(images)
    const parts: MessagePart[] = [{ type: 'text', text: prompt }, ...attached]
    return this.deps.repo.add(conversationId, { role: 'user', parts, status: 'complete' })
  }

  /** The user's results for the calls the last answer left waiting, stored as a tool message. */
  private storeToolOutputs(
    conversationId: string,
    before: Message[],
    outputs: { callId: string; output: string }[]
  ): Message {
    const last = before.at(-1)
    const waiting = (last?.status === 'pending' ? last.parts : []).filter(
      (p): p is Extract<MessagePart, { type: 'tool_call' }> =>
        p.type === 'tool_call' && p.kind === 'function' && !hasResult(last, p.callId)
    )
    if (!last || waiting.length === 0)
      throw new AppError('CONFLICT', 'No function call is waiting for a result.')
    const missing = waiting.filter((c) => !outputs.some((o) => o.callId === c.callId))
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Give a result for every waiting call (missing: ${missing.map((c) => c.name).join(', ')}).`
      )
    const parts: MessagePart[] = waiting.map((c) => ({
      type: 'tool_result',
      callId: c.callId,
      name: c.name ?? '',
      output: outputs.find((o) => o.callId === c.callId)?.output ?? ''
    }))
    this.deps.repo.update(last.id, {
      ...last,
      provider: last.provider,
      status: 'complete',
      parts: last.parts.map((p) =>
        p.type === 'tool_call' && p.status === 'pending' ? { ...p, status: 'answered' } : p
      )
    })
    return this.deps.repo.add(conversationId, { role: 'tool', parts, status: 'complete' })
  }

  /** The response whose calls the user answers; none when responses are not stored (nothing to chain to). */
  private pendingResponseId(before: Message[], settings: { store?: boolean }): string | null {
    const last = before.at(-1)
    if (settings.store === false || last?.settings?.store === false) return null
    return last?.api === 'responses' ? last.responseId : null
  }
}

/** Results a pending answer already holds from local functions, other than the ones given now. */
function answeredLocally(
  message: Message | undefined,
  given: { callId: string }[]
): { callId: string; output: string }[] {
  if (message?.status !== 'pending') return []
  return message.parts.flatMap((p) =>
    p.type === 'tool_result' && !given.some((g) => g.callId === p.callId)
      ? [{ callId: p.callId, output: p.output }]
      : []
  )
}

function hasResult(message: Message | undefined, callId: string): boolean {
  return Boolean(message?.parts.some((p) => p.type === 'tool_result' && p.callId === callId))
}

function pick(info: { code: string; message: string }) {
  return { code: info.code, message: info.message }
}

function titleOf(prompt: string): string {
  const line = prompt.trim().split('\n')[0] ?? ''
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || 'New conversation'
}
