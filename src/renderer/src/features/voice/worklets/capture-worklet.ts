// Microphone → PCM16 mono at 24 kHz in 40 ms chunks, with the chunk's level, posted to the page.
const TARGET_RATE = 24_000
const CHUNK_SAMPLES = 960

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly step = sampleRate / TARGET_RATE
  private position = 0
  private out = new Int16Array(CHUNK_SAMPLES)
  private filled = 0
  private sumSquares = 0

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0]
    if (!channel) return true
    // Linear interpolation when the context does not run at 24 kHz already.
    while (this.position < channel.length) {
      const i = Math.floor(this.position)
      const frac = this.position - i
      const next = channel[Math.min(i + 1, channel.length - 1)] ?? 0
      const sample = (channel[i] ?? 0) * (1 - frac) + next * frac
      this.push(sample)
      this.position += this.step
    }
    this.position -= channel.length
    return true
  }

  private push(sample: number): void {
    const clamped = Math.max(-1, Math.min(1, sample))
    this.out[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff
    this.sumSquares += clamped * clamped
    if (this.filled < CHUNK_SAMPLES) return
    const level = Math.sqrt(this.sumSquares / CHUNK_SAMPLES)
    this.port.postMessage({ pcm: this.out.buffer, level }, [this.out.buffer])
    this.out = new Int16Array(CHUNK_SAMPLES)
    this.filled = 0
    this.sumSquares = 0
  }
}

registerProcessor('framewise-capture', CaptureProcessor)
