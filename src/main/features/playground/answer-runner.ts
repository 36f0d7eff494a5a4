import type OpenAI from 'openai'
import type { Message, TurnSettings } from '@shared/domain/playground'
import { AppError, toErrorInfo } from '@shared/errors'
import type { EventBus } from '../../platform/event-bus'
import { runChatTurn } from './chat-turn'
import type { ConversationsRepo } from './conversations-repo'
import { chatHistory, responsesHistory, responsesTurn, type ImageUrl } from './history'
import { shortenDataUrls } from './request-code'
import { runResponsesTurn } from './responses-turn'
import { TurnState, type TurnDeps } from './turn-state'

export interface AnswerArgs {
  conversationId: string
  settings: TurnSettings
  model: string
  /** The conversation's line so far, the new user (or tool) message included. */
  history: Message[]
  /** The user message of this turn (null when the turn only carries function results). */
  user: Message | null
  toolOutputs: { callId: string; output: string }[]
  previousResponseId: string | null
  prompt: string
  dropOldest: boolean
  stream: boolean
  candidate: number | null
  streamId?: string
}

export interface AnswerRunnerDeps extends TurnDeps {
  repo: ConversationsRepo
  bus: EventBus
  imageUrl: (model: string, detail: TurnSettings['detail']) => ImageUrl
  /** Turns in flight by stream id, so `stop` can abort them. */
  running: Map<string, AbortController>
}

const MAX_ROUNDS_MESSAGE = 'The model kept calling functions; Framewise stopped after 6 rounds.'

/** Runs one answer into an assistant message, kept whatever happens (finished, stopped, cut off). */
export class AnswerRunner {
  /** The turns running in each conversation, so deleting one stops what it is still paying for. */
  private readonly byConversation = new Map<string, Set<AbortController>>()

  constructor(private readonly deps: AnswerRunnerDeps) {}

  /** Stops every turn of a conversation (before it is deleted). */
  stopConversation(conversationId: string): void {
    for (const controller of this.byConversation.get(conversationId) ?? []) controller.abort()
  }

  async answer(args: AnswerArgs): Promise<Message> {
    const { repo, bus, running } = this.deps
    const controller = new AbortController()
    if (args.streamId) running.set(args.streamId, controller)
    const turns = this.byConversation.get(args.conversationId) ?? new Set<AbortController>()
    this.byConversation.set(args.conversationId, turns.add(controller))
    const streamId = args.streamId
    const emit = streamId
      ? (e: object) => bus.emit('playground.stream', { ...e, streamId } as never)
      : () => {}
    const state = new TurnState(emit, controller.signal)
    const draft = {
      role: 'assistant' as const,
      api: args.settings.api,
      model: args.model,
      settings: args.settings,
      candidate: args.candidate
    }
    const message = repo.add(args.conversationId, { ...draft, parts: [], status: 'partial' })
    const save = (status: Message['status'], error: Message['error']) =>
      repo.update(message.id, {
        ...draft,
        parts: state.partsSoFar(),
        status,
        error,
        model: state.model || args.model,
        provider: state.provider || args.settings.providerId || null,
        usage: state.usage,
        costUsd: state.costUsd,
        latencyMs: state.latencyMs,
        ttftMs: state.ttftMs,
        requestId: state.requestId,
        responseId: state.responseId,
        request: shortenDataUrls(state.request)
      })
    try {
      await this.run(args, state)
      const done =
        state.waiting > 0 ? 'pending' : state.roundsExhausted || state.incomplete ? 'partial' : 'complete'
      const saved = save(
        done,
        state.roundsExhausted ? { code: 'AI_TOOL_NOT_CALLED', message: MAX_ROUNDS_MESSAGE } : null
      )
      this.deps.outputs.linkFiles(saved.id, saved.parts)
      return saved
    } catch (error) {
      const info = toErrorInfo(error)
      if (info.code === 'CANCELLED') return save('stopped', null)
      const kept = save(state.partsSoFar().length > 0 ? 'partial' : 'error', {
        code: info.code,
        message: info.message
      })
      const details = {
        ...(info.details as object | undefined),
        conversationId: args.conversationId,
        messageId: kept.id
      }
      throw new AppError(info.code, info.message, details, { cause: error })
    } finally {
      if (streamId) running.delete(streamId)
      turns.delete(controller)
      if (turns.size === 0) this.byConversation.delete(args.conversationId)
    }
  }

  private async run(args: AnswerArgs, state: TurnState): Promise<void> {
    const imageUrl = this.deps.imageUrl(args.model, args.settings.detail)
    if (args.settings.api === 'chat') {
      const messages = await chatHistory(args.history, args.settings, imageUrl)
      return runChatTurn(
        this.deps,
        {
          settings: args.settings,
          model: args.model,
          messages,
          dropOldest: args.dropOldest,
          stream: args.stream
        },
        state
      )
    }
    return runResponsesTurn(
      this.deps,
      {
        settings: args.settings,
        model: args.model,
        input: await this.responsesInput(args, imageUrl),
        previousResponseId: args.previousResponseId,
        prompt: args.prompt,
        dropOldest: args.dropOldest,
        stream: args.stream
      },
      state
    )
  }

  /** Only the new turn (or the function results) when chaining; the whole line otherwise. */
  private async responsesInput(
    args: AnswerArgs,
    imageUrl: ImageUrl
  ): Promise<OpenAI.Responses.ResponseInputItem[]> {
    if (args.toolOutputs.length > 0 && args.previousResponseId)
      return args.toolOutputs.map((o) => ({
        type: 'function_call_output',
        call_id: o.callId,
        output: o.output
      }))
    if (args.previousResponseId && args.user) return responsesTurn(args.user, args.settings.detail, imageUrl)
    return responsesHistory(args.history, args.settings.detail, imageUrl)
  }
}
