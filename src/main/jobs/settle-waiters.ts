import type { JobState } from '@shared/domain/job'
import type { JobsRepo } from './jobs-repo'

const TERMINAL: readonly JobState[] = ['succeeded', 'failed', 'cancelled']

interface Waiter {
  ids: readonly string[]
  resolve: () => void
}

/** Promises that resolve when a set of jobs, and all the jobs they spawned, are finished. */
export class SettleWaiters {
  private waiters: Waiter[] = []

  constructor(private readonly repo: JobsRepo) {}

  private poll: NodeJS.Timeout | null = null

  add(ids: readonly string[]): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ ids, resolve })
      this.check()
    })
  }

  /** Called on every local settle; a slow poll also catches jobs another process finished. */
  check(): void {
    const pending: Waiter[] = []
    for (const waiter of this.waiters) {
      if (waiter.ids.every((id) => this.treeSettled(id))) waiter.resolve()
      else pending.push(waiter)
    }
    this.waiters = pending
    if (pending.length > 0 && !this.poll) this.poll = setInterval(() => this.check(), 500)
    if (pending.length === 0 && this.poll) {
      clearInterval(this.poll)
      this.poll = null
    }
  }

  private treeSettled(id: string): boolean {
    const job = this.repo.get(id)
    if (!job) return true
    if (!TERMINAL.includes(job.state)) return false
    return this.repo.children(id).every((child) => this.treeSettled(child.id))
  }
}
