import { splitPcm } from './pcm'
import { fillFromOutput, readUsage, type AnswerItem } from './response-parts'
import { num, obj, str, type ServerEvent } from './server-event-names'
import type { SendEvent, SessionPorts } from './session-ports'

/** PCM16 mono at 24 kHz: 48,000 bytes a second. */
const BYTES_PER_S = 48_000
/** At most this much of one user turn is saved as audio (a minute). */
const MAX_TURN_AUDIO_BYTES = 60 * BYTES_PER_S
/**
 * Audio kept from before the server says speech started: its padding (300 ms by default) plus the
 * time the event takes to arrive, with room to spare.
 */
const SPEECH_PREFIX_BYTES = BYTES_PER_S * 1.5

/** One turn of the conversation as the model will be told it again after a reconnect. */
export interface HistoryEntry {
  role: 'user' | 'assistant'
  itemId: string | null
  text: string
}

/**
 * Reads the server's events of a live session: the user's speech and transcript, the model's audio and
 * transcript, tool calls and usage. Stores each turn, tells the page, and keeps what a reconnect needs.
 */
export class TurnRecorder {
  readonly history: HistoryEntry[] = []
  /** Waiting for an answer to the last user turn (a reconnect asks for it again). */
  awaitingAnswer = false
  private userAudio: Buffer[] = []
  private userAudioBytes = 0
  private speechEndedAt: number | null = null
  private answers = new Map<string, AnswerItem>()
  private activeResponse: string | null = null
  private toolCallsInResponse = 0
  private lastAudioItem: AnswerItem | null = null
  private audioSeq = 0
  private userTurns = 0

  constructor(
    private readonly ports: SessionPorts,
    private readonly send: SendEvent
  ) {}

  get responding(): boolean {
    return this.activeResponse !== null
  }

  /** Microphone audio the user sent (kept for the session's audio file until the turn is committed). */
  /**
   * Keeps the microphone audio of the turn being spoken, for "save audio". Hands-free, the mic sends
   * all the time: only the last minute is kept, and speech starting drops the silence before it.
   */
  noteUserAudio(pcm: Buffer): void {
    if (!this.ports.audio) return
    this.userAudio.push(pcm)
    this.userAudioBytes += pcm.length
    this.keepLastUserAudio(MAX_TURN_AUDIO_BYTES)
  }

  private keepLastUserAudio(bytes: number): void {
    while (this.userAudio.length > 1 && this.userAudioBytes - (this.userAudio[0]?.length ?? 0) >= bytes)
      this.userAudioBytes -= (this.userAudio.shift() as Buffer).length
  }

  /** A typed user message: stored at once, the clock for latency starts now. */
  noteUserText(text: string): void {
    this.speechEndedAt = this.ports.now()
    this.awaitingAnswer = true
    this.storeUser(null, text, null)
    this.ports.emit({ type: 'transcript', role: 'user', itemId: `text-${this.userTurns}`, text, final: true })
  }

  /** The user heard `playedMs` of the current answer: the rest is cut on the server and marked. */
  /**
   * Barge-in: the answer stops, and the item the user was hearing is cut where they stopped. The
   * page names that item; it may be an earlier one than the last to arrive (after a tool call).
   */
  interrupt(playedMs: number, itemId?: string): void {
    const known = itemId
      ? (this.answers.get(itemId) ?? (this.lastAudioItem?.itemId === itemId ? this.lastAudioItem : null))
      : this.lastAudioItem
    const target = itemId ?? known?.itemId
    if (this.activeResponse) this.send({ type: 'response.cancel' })
    if (!target) return
    const receivedMs = known ? Math.floor(known.audio.reduce((sum, b) => sum + b.length, 0) / 48) : Infinity
    this.send({
      type: 'conversation.item.truncate',
      item_id: target,
      content_index: 0,
      audio_end_ms: Math.min(Math.floor(playedMs), receivedMs)
    })
    this.ports.repo.markInterrupted(this.ports.sessionId, target)
    if (this.lastAudioItem?.itemId === target) this.lastAudioItem = null
  }

  handle(event: ServerEvent): void {
    const handler = this.handlers[event.type]
    if (handler) handler(event)
  }

  /**
   * The socket dropped (or the session ends): a half-said answer is stored as it is, marked
   * interrupted, but not told to the next connection, which answers the question again in full.
   */
  keepPartialAnswers(): void {
    for (const item of this.answers.values()) this.storeAnswer(item, true, 0, false)
    this.answers.clear()
    this.activeResponse = null
    this.toolCallsInResponse = 0
  }

  private readonly handlers: Record<string, (event: ServerEvent) => void> = {
    'input_audio_buffer.speech_started': (e) => {
      this.keepLastUserAudio(SPEECH_PREFIX_BYTES)
      this.ports.emit({ type: 'speech', state: 'started', audioMs: num(e.audio_start_ms) })
    },
    'input_audio_buffer.speech_stopped': (e) => {
      this.speechEndedAt = this.ports.now()
      this.ports.emit({ type: 'speech', state: 'stopped', audioMs: num(e.audio_end_ms) })
    },
    'input_audio_buffer.committed': (e) => this.onCommitted(str(e.item_id)),
    'conversation.item.input_audio_transcription.delta': (e) =>
      this.ports.emit({
        type: 'transcript',
        role: 'user',
        itemId: str(e.item_id),
        text: str(e.delta),
        final: false
      }),
    'conversation.item.input_audio_transcription.completed': (e) => {
      this.ports.recordTranscription(e.usage)
      this.onUserTranscript(str(e.item_id), str(e.transcript))
    },
    'response.created': (e) => {
      this.activeResponse = str(obj(e.response).id) || 'response'
    },
    'response.output_audio.delta': (e) => this.onAudio(str(e.item_id), str(e.delta)),
    'response.output_audio_transcript.delta': (e) => this.onAnswerText(str(e.item_id), str(e.delta)),
    'response.output_text.delta': (e) => this.onAnswerText(str(e.item_id), str(e.delta)),
    'response.output_audio_transcript.done': (e) => this.onAnswerDone(str(e.item_id), str(e.transcript)),
    'response.output_text.done': (e) => this.onAnswerDone(str(e.item_id), str(e.text)),
    'response.function_call_arguments.done': (e) => this.onFunctionCall(e),
    'response.done': (e) => this.onResponseDone(obj(e.response))
  }

  private onCommitted(itemId: string): void {
    this.speechEndedAt ??= this.ports.now()
    this.awaitingAnswer = true
    const pcm = Buffer.concat(this.userAudio)
    this.userAudio = []
    this.userAudioBytes = 0
    const audioPath =
      this.ports.audio && pcm.length > 0
        ? this.ports.audio.write(
            this.ports.sessionId,
            `${String(this.userTurns + 1).padStart(3, '0')}-user`,
            pcm
          )
        : null
    this.storeUser(itemId || null, '', audioPath)
    // A place in the transcript now: the words (input transcription) often arrive after the answer.
    if (itemId) this.ports.emit({ type: 'transcript', role: 'user', itemId, text: '', final: false })
  }

  private storeUser(itemId: string | null, text: string, audioPath: string | null): void {
    this.userTurns += 1
    this.ports.repo.addTurn(this.ports.sessionId, {
      role: 'user',
      itemId,
      text,
      tool: null,
      audioPath,
      latencyMs: null,
      interrupted: false,
      costUsd: 0,
      createdAt: new Date(this.ports.now()).toISOString()
    })
    this.history.push({ role: 'user', itemId, text })
  }

  private onUserTranscript(itemId: string, transcript: string): void {
    const text = transcript.trim()
    this.ports.repo.setTurnText(this.ports.sessionId, itemId, text)
    const entry = this.history.find((h) => h.itemId === itemId)
    if (entry) entry.text = text
    this.ports.emit({ type: 'transcript', role: 'user', itemId, text, final: true })
  }

  private answer(itemId: string): AnswerItem {
    let item = this.answers.get(itemId)
    if (!item) {
      item = { itemId, text: '', audio: [], firstAudioAt: null, latencyMs: null }
      this.answers.set(itemId, item)
    }
    return item
  }

  private onAudio(itemId: string, base64: string): void {
    const item = this.answer(itemId)
    const pcm = Buffer.from(base64, 'base64')
    if (item.firstAudioAt === null) {
      item.firstAudioAt = this.ports.now()
      item.latencyMs = this.speechEndedAt === null ? null : item.firstAudioAt - this.speechEndedAt
    }
    item.audio.push(pcm)
    this.lastAudioItem = item
    for (const piece of splitPcm(pcm))
      this.ports.emit({ type: 'audio', itemId, seq: this.audioSeq++, pcm: piece.toString('base64') })
  }

  private onAnswerText(itemId: string, delta: string): void {
    this.answer(itemId).text += delta
    this.ports.emit({ type: 'transcript', role: 'assistant', itemId, text: delta, final: false })
  }

  private onAnswerDone(itemId: string, text: string): void {
    const item = this.answer(itemId)
    if (text) item.text = text
    this.ports.emit({ type: 'transcript', role: 'assistant', itemId, text: item.text, final: true })
  }

  private onFunctionCall(event: ServerEvent): void {
    const callId = str(event.call_id)
    const name = str(event.name)
    const args = str(event.arguments)
    this.toolCallsInResponse += 1
    this.ports.emit({ type: 'tool', callId, name, arguments: args, output: null, failed: false })
    const result = this.ports.tools
      ? this.ports.tools.run(name, args)
      : { output: JSON.stringify({ error: 'Local tools are off for this session.' }), failed: true }
    this.ports.repo.addTurn(this.ports.sessionId, {
      role: 'tool',
      itemId: str(event.item_id) || null,
      text: '',
      tool: { name, arguments: args, output: result.output, failed: result.failed },
      audioPath: null,
      latencyMs: null,
      interrupted: false,
      costUsd: 0,
      createdAt: new Date(this.ports.now()).toISOString()
    })
    this.ports.emit({
      type: 'tool',
      callId,
      name,
      arguments: args,
      output: result.output,
      failed: result.failed
    })
    this.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: callId, output: result.output }
    })
  }

  private onResponseDone(response: Record<string, unknown>): void {
    const { usage, cachedAudio } = readUsage(response.usage)
    const firstAudio = [...this.answers.values()].find((a) => a.latencyMs !== null)
    const latencyMs = firstAudio?.latencyMs ?? null
    const costUsd = this.ports.recordUsage(usage, cachedAudio, latencyMs ?? 0, str(response.id) || null)
    this.ports.repo.addUsage(this.ports.sessionId, usage, costUsd)
    const cut = ['cancelled', 'incomplete', 'failed'].includes(str(response.status))
    fillFromOutput(response.output, this.answers, (id) => this.answer(id))
    const items = [...this.answers.values()]
    items.forEach((item, i) => this.storeAnswer(item, cut, i === items.length - 1 ? costUsd : 0))
    this.answers.clear()
    this.activeResponse = null
    const lastItem = items.at(-1)?.itemId ?? null
    this.ports.emit({ type: 'turn', itemId: lastItem, latencyMs, usage, costUsd })
    if (latencyMs !== null) this.speechEndedAt = null
    const calledTools = this.toolCallsInResponse > 0
    this.toolCallsInResponse = 0
    // The function outputs are in the conversation: the model answers with them. Not after a cut
    // answer: the user spoke over it, and server VAD is already starting the next response.
    if (calledTools && !cut) this.send({ type: 'response.create' })
    else if (items.length > 0) this.awaitingAnswer = false
  }

  private storeAnswer(item: AnswerItem, interrupted: boolean, costUsd: number, remember = true): void {
    const pcm = Buffer.concat(item.audio)
    const audioPath =
      this.ports.audio && pcm.length > 0
        ? this.ports.audio.write(this.ports.sessionId, `${item.itemId}-assistant`, pcm)
        : null
    this.ports.repo.addTurn(this.ports.sessionId, {
      role: 'assistant',
      itemId: item.itemId,
      text: item.text,
      tool: null,
      audioPath,
      latencyMs: item.latencyMs,
      interrupted,
      costUsd,
      createdAt: new Date(this.ports.now()).toISOString()
    })
    // A cut answer is not given back after a reconnect: its text runs past what the user heard.
    if (item.text && remember && !interrupted)
      this.history.push({ role: 'assistant', itemId: item.itemId, text: item.text })
  }
}
