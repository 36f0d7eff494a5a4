import type { MessagePart, PlaygroundStreamEvent, TurnUsage } from '@shared/domain/playground'
import type { CallContext, CallResult } from '../../ai/executor'
import type { AiService } from '../../ai/ai-service'
import type { LocalSources } from './local-functions'
import type { TurnOutputs } from './turn-outputs'

type Payload = PlaygroundStreamEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'streamId'>
    : never
  : never
export type Emit = (event: Payload) => void

/** Rounds of function calls one turn may take before Framewise stops asking. */
export const MAX_ROUNDS = 6

export interface TurnDeps {
  ai: AiService
  outputs: TurnOutputs
  sources: LocalSources
}

/** What one turn has gathered so far; kept when the turn fails or is stopped. */
export class TurnState {
  parts: MessagePart[] = []
  usage: TurnUsage = { inputTokens: 0, cachedTokens: 0, outputTokens: 0, reasoningTokens: 0 }
  costUsd = 0
  requestId: string | null = null
  responseId: string | null = null
  provider = ''
  model = ''
  request: unknown = null
  ttftMs: number | null = null
  /** Function calls the user still has to answer. */
  waiting = 0
  roundsExhausted = false
  /** The model stopped at the output limit (or a filter): the answer is partial. */
  incomplete = false
  parsed?: unknown
  refusal?: string
  /** Text of the round in flight, not yet a part. */
  private streaming = ''
  private readonly started = performance.now()

  constructor(
    readonly emit: Emit,
    readonly signal: AbortSignal
  ) {}

  get latencyMs(): number {
    return Math.round(performance.now() - this.started)
  }

  onDelta = (delta: { text: string; restart: boolean }): void => {
    if (delta.restart) this.streaming = ''
    this.streaming += delta.text
    this.ttftMs ??= this.latencyMs
    this.emit({ type: 'delta', text: delta.text, restart: delta.restart })
  }

  context(providerId: string | undefined): CallContext {
    return {
      providerId: providerId ?? null,
      signal: this.signal,
      onWait: (w) =>
        this.emit({
          type: 'wait',
          seconds: Math.ceil(w.delayMs / 1000),
          reason: w.reason,
          attempt: w.attempt
        })
    }
  }

  /** Adds a finished call's usage and identity. */
  add(result: CallResult<unknown>): void {
    const u = result.usage
    this.usage = {
      inputTokens: this.usage.inputTokens + u.inputTokens,
      cachedTokens: this.usage.cachedTokens + u.cachedTokens,
      outputTokens: this.usage.outputTokens + u.outputTokens,
      reasoningTokens: this.usage.reasoningTokens + u.reasoningTokens
    }
    this.costUsd += result.costUsd
    this.requestId = result.requestId
    this.provider = result.providerId
    this.model = result.model
  }

  /** A round finished: its parts replace the streamed text. */
  endRound(parts: MessagePart[]): void {
    this.streaming = ''
    this.parts.push(...parts)
  }

  /** Everything so far, the text of an unfinished round included (a cut or stopped stream). */
  partsSoFar(): MessagePart[] {
    return this.streaming ? [...this.parts, { type: 'text', text: this.streaming }] : this.parts
  }

  text(): string {
    return this.parts
      .filter((p): p is Extract<MessagePart, { type: 'text' }> => p.type === 'text')
      .map((p) => p.text)
      .join('')
  }
}
