import type OpenAI from 'openai'
import type { Capability } from '@shared/domain/provider'
import type { ApiKind } from '@shared/domain/usage'
import { AppError } from '@shared/errors'
import type { Logger } from '../platform/logger'
import { redactDeep, redactSecrets } from '../platform/redact'
import { createClient, wireModel } from './client-factory'
import { toAiError } from './errors'
import { PRESETS } from './presets'
import type { ProviderService, ResolvedProvider } from './provider-service'
import { decideRetry, DEFAULT_RETRY, sleep, type RetryPolicy } from './retry'
import type { UsageLedger } from './usage-ledger'
import type { UsageFields } from './usage-parse'

export interface WaitInfo {
  reason: 'rate-limit' | 'server' | 'network' | 'interrupted'
  delayMs: number
  attempt: number
  provider: string
}

export interface CallContext {
  providerId?: string | null
  /** Talk to this base URL with the chosen provider's key (CLI --base-url). */
  baseURL?: string
  jobId?: string | null
  signal?: AbortSignal
  /** One logical request: however often it is retried, it records one usage row. */
  requestKey?: string
  onWait?: (wait: WaitInfo) => void
  retry?: Partial<RetryPolicy>
  /** Overrides how long a stream may stay silent. */
  inactivityMs?: number
}

export interface RunArgs {
  client: OpenAI
  resolved: ResolvedProvider
  /** The model name on the wire (an Azure deployment name for Azure). */
  model: string
  signal: AbortSignal
  /** Aborts this attempt (a stalled stream); the executor then retries. */
  abort: () => void
  attempt: number
  inactivityMs?: number
}

export interface CallSpec<T> {
  api: ApiKind
  model: string
  needs: Capability[]
  /** Bookkeeping calls (file downloads, status checks) write no usage row. */
  billable?: boolean
  run(
    args: RunArgs
  ): Promise<{ value: T; usage: UsageFields; requestId: string | null; perImageFactor?: number }>
}

export interface CallResult<T> {
  value: T
  usage: UsageFields
  costUsd: number
  model: string
  providerId: string
  providerName: string
  requestId: string | null
  latencyMs: number
  attempts: number
}

export interface ExecutorDeps {
  providers: ProviderService
  ledger: UsageLedger
  env: NodeJS.ProcessEnv
  logger: Logger
}

/** The one path every model call takes: capability gates, retries, fallback, errors, usage. */
export class AiExecutor {
  constructor(private readonly deps: ExecutorDeps) {}

  async execute<T>(spec: CallSpec<T>, ctx: CallContext = {}): Promise<CallResult<T>> {
    const chain = await this.deps.providers.chain(ctx.providerId, { baseURL: ctx.baseURL })
    try {
      return await this.runChain(chain, spec, ctx)
    } catch (error) {
      // Provider messages may echo the request (a gateway repeating the Authorization header).
      throw redactError(error, chain.flatMap(secretsOf))
    }
  }

  private async runChain<T>(
    chain: ResolvedProvider[],
    spec: CallSpec<T>,
    ctx: CallContext
  ): Promise<CallResult<T>> {
    let lastError: AppError | null = null
    for (const [index, resolved] of chain.entries()) {
      const problem = this.unusable(resolved, spec)
      if (problem) {
        if (index === 0) throw problem
        continue
      }
      const outcome = await this.tryProvider(resolved, spec, ctx, index < chain.length - 1)
      if (outcome.ok) return outcome.result
      lastError = outcome.error
      this.deps.logger.warn('falling back to the next provider', {
        from: resolved.provider.name,
        code: outcome.error.code
      })
    }
    throw lastError ?? new AppError('PROVIDER_NOT_CONFIGURED', 'No provider could take this request.')
  }

  private unusable(resolved: ResolvedProvider, spec: CallSpec<unknown>): AppError | null {
    const missing = spec.needs.filter((c) => !resolved.provider.capabilities[c])
    if (missing.length > 0) {
      return new AppError(
        'PROVIDER_UNSUPPORTED',
        `${resolved.provider.name} cannot do ${missing.join(', ')}. Pick another provider, or turn the capability on in Settings → Providers if it can.`
      )
    }
    if (!resolved.apiKey && PRESETS[resolved.row.kind].needsKey) {
      return new AppError(
        'AI_AUTH_FAILED',
        `${resolved.provider.name} has no API key. Enter it in Settings → Providers.`
      )
    }
    return null
  }

  private async tryProvider<T>(
    resolved: ResolvedProvider,
    spec: CallSpec<T>,
    ctx: CallContext,
    canFallBack: boolean
  ): Promise<{ ok: true; result: CallResult<T> } | { ok: false; error: AppError }> {
    const policy = { ...DEFAULT_RETRY, ...ctx.retry }
    const client = createClient(resolved, this.deps.env)
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now()
      const controller = linkedController(ctx.signal)
      try {
        const out = await spec.run({
          client,
          resolved,
          model: wireModel(resolved, spec.model),
          signal: controller.signal,
          abort: () => controller.abort(),
          attempt,
          inactivityMs: ctx.inactivityMs
        })
        const latencyMs = performance.now() - started
        const costUsd =
          spec.billable === false
            ? 0
            : this.deps.ledger.record({
                providerId: resolved.row.id,
                model: spec.model,
                api: spec.api,
                usage: out.usage,
                latencyMs,
                requestId: out.requestId,
                jobId: ctx.jobId ?? null,
                requestKey: ctx.requestKey,
                perImageFactor: out.perImageFactor
              })
        return {
          ok: true,
          result: {
            value: out.value,
            usage: out.usage,
            costUsd,
            model: spec.model,
            providerId: resolved.row.id,
            providerName: resolved.provider.name,
            requestId: out.requestId,
            latencyMs: Math.round(latencyMs),
            attempts: attempt
          }
        }
      } catch (caught) {
        const error = toAiError(caught, resolved.provider.name)
        if (ctx.signal?.aborted || error.code === 'CANCELLED')
          throw new AppError('CANCELLED', 'The request was cancelled.')
        const decision = decideRetry(error, attempt, policy)
        if (decision.kind === 'retry') {
          ctx.onWait?.({
            reason: decision.reason,
            delayMs: decision.delayMs,
            attempt,
            provider: resolved.provider.name
          })
          await sleep(decision.delayMs, ctx.signal)
          continue
        }
        if (decision.kind === 'fallback' && canFallBack) return { ok: false, error }
        throw error
      } finally {
        controller.dispose()
      }
    }
  }
}

/** The configured key and any proxy password: text that must never leave the AI layer. */
function secretsOf(resolved: ResolvedProvider): string[] {
  const out = resolved.apiKey ? [resolved.apiKey] : []
  try {
    const password = resolved.row.proxy ? new URL(resolved.row.proxy).password : ''
    if (password) out.push(password, decodeURIComponent(password))
  } catch {
    // Not a URL: nothing to take from it.
  }
  return out
}

/** A copy of the error whose message, details and stack name no secret; the raw cause stays behind. */
function redactError(error: unknown, secrets: string[]): unknown {
  if (error instanceof AppError) {
    const clean = new AppError(
      error.code,
      redactSecrets(error.message, secrets),
      redactDeep(error.details, secrets)
    )
    if (error.stack) clean.stack = redactSecrets(error.stack, secrets)
    return clean
  }
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets))
  const clean = new Error(redactSecrets(error.message, secrets))
  clean.name = error.name
  if (error.stack) clean.stack = redactSecrets(error.stack, secrets)
  return clean
}

function linkedController(parent?: AbortSignal): AbortController & { dispose(): void } {
  const controller = new AbortController() as AbortController & { dispose(): void }
  const onAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) controller.abort(parent.reason)
  else parent?.addEventListener('abort', onAbort, { once: true })
  controller.dispose = () => parent?.removeEventListener('abort', onAbort)
  return controller
}
