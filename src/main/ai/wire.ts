import type { EventBus } from '../platform/event-bus'
import type { Logger } from '../platform/logger'
import type { SecretStore } from '../platform/secrets/secret-store'
import type { Db } from '../store/database'
import { PricesRepo } from './store/prices-repo'
import { ProvidersRepo } from './store/providers-repo'
import { UsageRepo } from './store/usage-repo'
import { AiService } from './ai-service'
import { AiExecutor } from './executor'
import { HealthMonitor, type WaitingJobs } from './health-monitor'
import { PriceService } from './price-service'
import { ProviderService } from './provider-service'
import { UsageLedger } from './usage-ledger'
import { UsageReports } from './usage-reports'

export interface AiServices {
  ai: AiService
  providers: ProviderService
  prices: PriceService
  usage: UsageReports
  health: HealthMonitor
}

/** Wires the AI layer; called once from createApp. */
export function createAiServices(deps: {
  db: Db
  secrets: SecretStore
  env: NodeJS.ProcessEnv
  logger: Logger
  bus: EventBus
  jobs: WaitingJobs
}): AiServices {
  const providers = new ProviderService({
    repo: new ProvidersRepo(deps.db),
    secrets: deps.secrets,
    env: deps.env
  })
  const prices = new PriceService(new PricesRepo(deps.db))
  const usageRepo = new UsageRepo(deps.db)
  const ledger = new UsageLedger({ repo: usageRepo, prices })
  const executor = new AiExecutor({ providers, ledger, env: deps.env, logger: deps.logger })
  const ai = new AiService({ executor, providers, ledger, env: deps.env })
  const health = new HealthMonitor({
    providers,
    jobs: deps.jobs,
    bus: deps.bus,
    logger: deps.logger,
    env: deps.env
  })
  return { ai, providers, prices, usage: new UsageReports(usageRepo), health }
}
