import type { EventBus } from '../platform/event-bus'
import type { Logger } from '../platform/logger'
import { createClient } from './client-factory'
import type { ProviderService } from './provider-service'

export interface WaitingJobs {
  hasWaiting(): boolean
  resumeWaiting(): number
}

/**
 * While jobs wait for a provider, checks now and then whether it answers at all (any HTTP answer,
 * even 401, means the network is back) and resumes them. The UI shows "offline", not an error.
 */
export class HealthMonitor {
  private timer: NodeJS.Timeout | null = null
  private online: boolean | null = null
  private checkedAt: string | null = null

  constructor(
    private readonly deps: {
      providers: ProviderService
      jobs: WaitingJobs
      bus: EventBus
      logger: Logger
      env: NodeJS.ProcessEnv
      intervalMs?: number
    }
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.deps.intervalMs ?? 15_000)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  status(): { online: boolean | null; checkedAt: string | null } {
    return { online: this.online, checkedAt: this.checkedAt }
  }

  /** One check; public so tests and "retry now" buttons can run it. */
  async tick(): Promise<void> {
    if (!this.deps.jobs.hasWaiting()) return
    const reachable = await this.reachable()
    this.checkedAt = new Date().toISOString()
    if (reachable !== this.online) {
      this.online = reachable
      this.deps.bus.emit('providers.status', { online: reachable, checkedAt: this.checkedAt })
    }
    if (reachable) {
      const resumed = this.deps.jobs.resumeWaiting()
      this.deps.logger.info('provider reachable again; resumed waiting jobs', { resumed })
    }
  }

  private async reachable(): Promise<boolean> {
    try {
      const resolved = await this.deps.providers.resolve()
      const client = createClient(resolved, this.deps.env).withOptions({ timeout: 5_000, maxRetries: 0 })
      await client.models.list()
      return true
    } catch (error) {
      const status = (error as { status?: number }).status
      return typeof status === 'number'
    }
  }
}
