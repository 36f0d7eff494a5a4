import type { EventBus } from '../../platform/event-bus'

/** Coalesces library.changed events so a 10,000-file import does not flood the UI. */
export class ChangeBatcher {
  private ids: string[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly bus: EventBus,
    private readonly reason: 'imported' | 'updated',
    private readonly intervalMs = 300
  ) {}

  add(id: string): void {
    this.ids.push(id)
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.ids.length === 0) return
    const ids = this.ids
    this.ids = []
    this.bus.emit('library.changed', { reason: this.reason, ids })
  }
}
