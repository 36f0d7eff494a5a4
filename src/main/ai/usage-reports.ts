import type { UsageRecord, UsageSummary } from '@shared/domain/usage'
import type { UsageRepo } from './store/usage-repo'

/** Read side of the usage ledger: totals per day and model, recent calls, the calls of one job. */
export class UsageReports {
  constructor(private readonly repo: UsageRepo) {}

  summary(range: { from?: string; to?: string }): UsageSummary {
    return this.repo.summary(range)
  }

  recent(limit: number): UsageRecord[] {
    return this.repo.recent(limit)
  }

  forJob(jobId: string): UsageRecord[] {
    return this.repo.forJob(jobId)
  }
}
