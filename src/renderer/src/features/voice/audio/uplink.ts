import { call } from '../../../api/client'

const MAX_BATCH_BYTES = 24_000

/**
 * Sends microphone chunks to the core one request at a time, in order. Chunks that pile up while a
 * request is on its way go together in the next one, so a slow moment never reorders audio.
 */
export class AudioUplink {
  private pending: Uint8Array[] = []
  private sending = false
  private waiters: (() => void)[] = []

  constructor(
    private readonly sessionId: string,
    private readonly onError: (error: unknown) => void
  ) {}

  push(pcm: ArrayBuffer): void {
    this.pending.push(new Uint8Array(pcm))
    if (!this.sending) void this.pump()
  }

  private async pump(): Promise<void> {
    this.sending = true
    while (this.pending.length > 0) {
      const batch = this.take()
      try {
        await call('voice.audio', { sessionId: this.sessionId, pcm: toBase64(batch) })
      } catch (error) {
        this.pending = []
        this.onError(error)
      }
    }
    this.sending = false
    for (const resolve of this.waiters.splice(0)) resolve()
  }

  /** Resolves once every chunk pushed so far has reached the core (or failed). */
  drained(): Promise<void> {
    if (!this.sending && this.pending.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private take(): Uint8Array {
    const parts: Uint8Array[] = []
    let size = 0
    while (this.pending.length > 0 && size < MAX_BATCH_BYTES) {
      const next = this.pending.shift() as Uint8Array
      parts.push(next)
      size += next.length
    }
    const out = new Uint8Array(size)
    let at = 0
    for (const part of parts) {
      out.set(part, at)
      at += part.length
    }
    return out
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
