// Model audio (PCM16 mono 24 kHz) played from a queue without gaps; reports what was played.
const REPORT_EVERY = 2400

class PlayerProcessor extends AudioWorkletProcessor {
  private queue: Float32Array[] = []
  private offset = 0
  private played = 0
  private sinceReport = 0

  constructor() {
    super()
    this.port.onmessage = (message: MessageEvent<{ pcm?: ArrayBuffer; clear?: boolean }>) => {
      if (message.data.clear) {
        this.queue = []
        this.offset = 0
        this.port.postMessage({ played: this.played, cleared: true })
        return
      }
      if (message.data.pcm) this.queue.push(toFloat(new Int16Array(message.data.pcm)))
    }
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0]?.[0]
    if (!out) return true
    let written = 0
    while (written < out.length && this.queue.length > 0) {
      const head = this.queue[0] as Float32Array
      const take = Math.min(out.length - written, head.length - this.offset)
      out.set(head.subarray(this.offset, this.offset + take), written)
      written += take
      this.offset += take
      if (this.offset >= head.length) {
        this.queue.shift()
        this.offset = 0
      }
    }
    out.fill(0, written)
    this.played += written
    this.sinceReport += written
    const drained = written > 0 && this.queue.length === 0
    if (this.sinceReport >= REPORT_EVERY || drained) {
      this.port.postMessage({ played: this.played, drained })
      this.sinceReport = 0
    }
    return true
  }
}

function toFloat(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length)
  for (let i = 0; i < pcm.length; i++) out[i] = (pcm[i] ?? 0) / 0x8000
  return out
}

registerProcessor('framewise-player', PlayerProcessor)
