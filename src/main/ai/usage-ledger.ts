import type { ApiKind } from '@shared/domain/usage'
import type { UsageRepo } from './store/usage-repo'
import type { PriceService } from './price-service'
import type { UsageFields } from './usage-parse'

export interface LedgerEntry {
  providerId: string
  model: string
  api: ApiKind
  usage: UsageFields
  latencyMs: number
  requestId: string | null
  jobId: string | null
  batch?: boolean
  requestKey?: string | null
  /** DALL·E: what one image of this size and quality costs in 1024×1024 standard images. */
  perImageFactor?: number
  /** Realtime: audio tokens each way (input without its cached part), priced at the audio rates. */
  audioSplit?: { input: number; output: number }
}

/** Writes one usage row per successful API call and prices it with the current table. */
export class UsageLedger {
  constructor(private readonly deps: { repo: UsageRepo; prices: PriceService }) {}

  record(entry: LedgerEntry): number {
    const u = entry.usage
    const costUsd = this.deps.prices.cost(
      entry.model,
      {
        inputTokens: u.inputTokens,
        cachedTokens: u.cachedTokens,
        outputTokens: u.outputTokens,
        audioInputTokens: entry.audioSplit?.input ?? (entry.api === 'transcription' ? u.audioTokens : 0),
        audioOutputTokens: entry.audioSplit?.output ?? (entry.api === 'speech' ? u.audioTokens : 0),
        imageInputTokens: u.imageTokens,
        audioSeconds: u.audioSeconds,
        characters: u.characters,
        images: u.images * (entry.perImageFactor ?? 1)
      },
      entry.batch ?? false
    )
    this.deps.repo.insert({
      providerId: entry.providerId,
      model: entry.model,
      api: entry.api,
      ...u,
      latencyMs: Math.round(entry.latencyMs),
      requestId: entry.requestId,
      jobId: entry.jobId,
      batch: entry.batch ?? false,
      costUsd,
      requestKey: entry.requestKey ?? null
    })
    return costUsd
  }
}
