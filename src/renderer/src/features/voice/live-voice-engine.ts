import type { EventPayload } from '@shared/contract'
import type { VoiceSettings } from '@shared/domain/voice'
import { call, errorInfo, subscribe } from '../../api/client'
import { AudioUplink } from './audio/uplink'
import { VoiceAudio, type AudioCounters } from './audio/voice-audio'
import { applyVoiceEvent, markInterrupted, type Entry } from './transcript-model'

/** The capture worklet posts audio in blocks of this many ms at most. */
const CAPTURE_BLOCK_MS = 50

type VoiceEvent = EventPayload<'voice.event'>

export type MicState = { state: 'off' | 'on' } | { state: 'unavailable'; message: string }

export interface LiveState {
  phase: 'idle' | 'starting' | 'live'
  sessionId: string | null
  status: string | null
  mic: MicState
  muted: boolean
  talking: boolean
  speaking: boolean
  level: number
  counters: AudioCounters
  error: { code: string; message: string } | null
  closedReason: string | null
}

export const INITIAL_STATE: LiveState = {
  phase: 'idle',
  sessionId: null,
  status: null,
  mic: { state: 'off' },
  muted: false,
  talking: false,
  speaking: false,
  level: 0,
  counters: { received: 0, played: 0 },
  error: null,
  closedReason: null
}

interface Sinks {
  state(patch: Partial<LiveState>): void
  entries(update: (entries: Entry[]) => Entry[]): void
}

/**
 * A live conversation in the page: the microphone goes up through the core, the model's audio comes
 * back as events and plays at once; when the user speaks over it, playback stops and the core is told
 * how much was heard (barge-in). No network here: everything goes through `window.api`.
 */
export class LiveVoiceEngine {
  private audio: VoiceAudio | null = null
  private uplink: AudioUplink | null = null
  private sessionId: string | null = null
  private unsubscribe: (() => void) | null = null
  private muted = false
  private talking = false
  /** After push-to-talk is released, the block then being captured still belongs to the turn. */
  private releasedAt = 0
  private pushToTalk = false

  constructor(private readonly sinks: Sinks) {}

  async start(settings: VoiceSettings): Promise<void> {
    this.sinks.state({ ...INITIAL_STATE, phase: 'starting' })
    this.sinks.entries(() => [])
    this.pushToTalk = settings.turnDetection === 'push_to_talk'
    this.unsubscribe = subscribe('voice.event', (event) => this.onEvent(event))
    try {
      this.audio = new VoiceAudio()
      this.audio.onCounters = (counters) => this.sinks.state({ counters: { ...counters } })
      await this.audio.open()
      const { sessionId } = await call('voice.start', settings)
      this.sessionId = sessionId
      this.uplink = new AudioUplink(sessionId, (error) => this.sinks.state({ error: errorInfo(error) }))
      this.sinks.state({ phase: 'live', sessionId, status: 'open' })
      await this.openMicrophone()
    } catch (error) {
      await this.cleanUp()
      this.sinks.state({ phase: 'idle', error: errorInfo(error) })
    }
  }

  async end(): Promise<void> {
    const sessionId = this.sessionId
    await this.cleanUp()
    this.sinks.state({ phase: 'idle', status: 'closed', level: 0, talking: false, speaking: false })
    if (sessionId) await call('voice.end', { sessionId }).catch(() => undefined)
  }

  setMuted(muted: boolean): void {
    this.muted = muted
    this.sinks.state({ muted, level: 0 })
  }

  /** Push-to-talk pressed: the model stops talking, and what the user says from now is their turn. */
  talk(down: boolean): void {
    if (!this.sessionId || this.talking === down) return
    this.talking = down
    this.sinks.state({ talking: down })
    if (down) this.bargeIn()
    else {
      this.releasedAt = Date.now()
      void this.commitTurn(this.sessionId)
    }
  }

  /**
   * The end of what was said must reach the core before the commit, or it would start the next
   * turn: the capture worklet's last block (≤ 40 ms) is let out, then the uplink drained.
   */
  private async commitTurn(sessionId: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, CAPTURE_BLOCK_MS))
    await this.uplink?.drained()
    await call('voice.commit', { sessionId }).catch((e: unknown) => this.sinks.state({ error: errorInfo(e) }))
  }

  async sendText(text: string): Promise<void> {
    if (!this.sessionId) return
    this.bargeIn()
    await call('voice.text', { sessionId: this.sessionId, text }).catch((e: unknown) =>
      this.sinks.state({ error: errorInfo(e) })
    )
  }

  dispose(): void {
    void this.end()
  }

  private async openMicrophone(): Promise<void> {
    try {
      await this.audio?.startMicrophone((pcm, level) => this.onMicrophone(pcm, level))
      this.sinks.state({ mic: { state: 'on' } })
    } catch (error) {
      // No permission or no device: the session goes on with typed messages.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      this.sinks.state({ mic: { state: 'unavailable', message } })
    }
  }

  private onMicrophone(pcm: ArrayBuffer, level: number): void {
    const inTurn = this.talking || Date.now() - this.releasedAt < CAPTURE_BLOCK_MS
    const sending = !this.muted && (!this.pushToTalk || inTurn)
    this.sinks.state({ level: this.muted ? 0 : level })
    if (sending) this.uplink?.push(pcm)
  }

  private onEvent(event: VoiceEvent): void {
    if (event.sessionId !== this.sessionId) return
    if (event.type === 'audio') return this.audio?.play(event.itemId, event.pcm)
    if (event.type === 'speech') {
      if (event.state === 'started') this.bargeIn()
      this.sinks.state({ speaking: event.state === 'started' })
      return
    }
    if (event.type === 'error') this.sinks.state({ error: { code: event.code, message: event.message } })
    if (event.type === 'status') this.onStatus(event.status, event.reason)
    this.sinks.entries((entries) => applyVoiceEvent(entries, event))
  }

  private onStatus(status: string, reason: string | null): void {
    this.sinks.state({ status })
    if (status === 'closed') {
      void this.cleanUp()
      this.sinks.state({ phase: 'idle', closedReason: reason, level: 0 })
    }
  }

  /** The user speaks while the model talks: stop playback, and cut the answer where they stopped hearing. */
  private bargeIn(): void {
    if (!this.audio?.playing || !this.sessionId) return
    const stopped = this.audio.stopPlayback()
    if (!stopped) return
    this.sinks.entries((entries) => markInterrupted(entries, stopped.itemId))
    void call('voice.interrupt', {
      sessionId: this.sessionId,
      playedMs: stopped.playedMs,
      itemId: stopped.itemId
    }).catch(() => undefined)
  }

  private async cleanUp(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.sessionId = null
    this.uplink = null
    const audio = this.audio
    this.audio = null
    await audio?.close()
  }
}
