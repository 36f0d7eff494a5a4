import captureUrl from '../worklets/capture-worklet.ts?worker&url'
import playerUrl from '../worklets/player-worklet.ts?worker&url'

const RATE = 24_000

export interface AudioCounters {
  /** Samples of model audio received and queued. */
  received: number
  /** Samples the speaker has played. */
  played: number
}

/**
 * One 24 kHz AudioContext for both directions: the microphone through a capture worklet (PCM16
 * chunks out), the model's audio through a player worklet (a queue, so chunks join without gaps).
 */
export class VoiceAudio {
  /** Answers the user talked over: their late audio deltas are dropped. */
  private readonly silenced = new Set<string>()
  private readonly context = new AudioContext({ sampleRate: RATE, latencyHint: 'interactive' })
  private player: AudioWorkletNode | null = null
  private capture: { node: AudioWorkletNode; stream: MediaStream } | null = null
  /** Played samples when the current answer began (the first sample of its audio). */
  /** Where each queued answer starts in the played-samples count (one may play while the next queues). */
  private segments: { itemId: string; at: number }[] = []
  readonly counters: AudioCounters = { received: 0, played: 0 }
  onCounters: (counters: AudioCounters) => void = () => undefined

  async open(): Promise<void> {
    await this.context.audioWorklet.addModule(playerUrl)
    await this.context.audioWorklet.addModule(captureUrl)
    this.player = new AudioWorkletNode(this.context, 'framewise-player', { outputChannelCount: [1] })
    this.player.port.onmessage = (message: MessageEvent<{ played: number }>) => {
      this.counters.played = message.data.played
      this.onCounters(this.counters)
    }
    this.player.connect(this.context.destination)
    await this.context.resume()
  }

  /** Asks for the microphone; throws the browser's error (denied, no device) for the page to explain. */
  async startMicrophone(onChunk: (pcm: ArrayBuffer, level: number) => void): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true }
    })
    const node = new AudioWorkletNode(this.context, 'framewise-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0
    })
    node.port.onmessage = (message: MessageEvent<{ pcm: ArrayBuffer; level: number }>) =>
      onChunk(message.data.pcm, message.data.level)
    this.context.createMediaStreamSource(stream).connect(node)
    this.capture = { node, stream }
  }

  /** Queues a chunk of the model's audio (base64 PCM16). */
  play(itemId: string, base64: string): void {
    // Deltas of a cut answer still on their way: the user already stopped it, it stays silent.
    if (this.silenced.has(itemId)) return
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    if (this.segments.at(-1)?.itemId !== itemId)
      this.segments.push({ itemId, at: Math.max(this.counters.received, this.counters.played) })
    // Answers already heard to the end are forgotten.
    while ((this.segments[1]?.at ?? Infinity) <= this.counters.played) this.segments.shift()
    this.counters.received += bytes.length / 2
    this.player?.port.postMessage({ pcm: bytes.buffer }, [bytes.buffer])
    this.onCounters(this.counters)
  }

  get playing(): boolean {
    return this.counters.played < this.counters.received
  }

  /** Barge-in: drops what is queued and says how many ms of the current answer were heard. */
  stopPlayback(): { itemId: string; playedMs: number } | null {
    this.player?.port.postMessage({ clear: true })
    // The answer being heard is the last one whose audio started at or before what has played.
    const start = this.segments.findLast((seg) => seg.at <= this.counters.played) ?? this.segments[0] ?? null
    const heard = start ? Math.max(0, this.counters.played - start.at) : 0
    // What was queued and never played will not be: the counters agree again.
    this.counters.received = this.counters.played
    // The one heard and any queued after it are cut: their late deltas stay silent.
    for (const seg of this.segments) if (!start || seg.at >= start.at) this.silenced.add(seg.itemId)
    this.segments = []
    return start ? { itemId: start.itemId, playedMs: (heard / RATE) * 1000 } : null
  }

  async close(): Promise<void> {
    this.capture?.stream.getTracks().forEach((track) => track.stop())
    this.capture?.node.disconnect()
    this.capture = null
    await this.context.close().catch(() => undefined)
  }
}
