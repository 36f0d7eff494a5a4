import type { VoiceSettings } from '@shared/domain/voice'
import { AppError, toErrorInfo } from '@shared/errors'
import type { RealtimeEndpoint } from './realtime-endpoint'
import { RealtimeSocket } from './realtime-socket'
import { obj, str, type ServerEvent } from './server-event-names'
import { sessionUpdate } from './session-update'
import type { SessionPorts } from './session-ports'
import { TurnRecorder, type HistoryEntry } from './turn-recorder'

/** A dropped socket is opened again this many times in a row before the session gives up. */
const MAX_RECONNECTS = 3
/** A connection that held this long counts as stable: the next drop starts the count again. */
const STABLE_MS = 60_000

export interface LiveSessionOptions {
  settings: VoiceSettings
  /** Resolved again for each connection, so a reconnect uses the provider's current address and key. */
  endpoint(): Promise<RealtimeEndpoint>
  ports: SessionPorts
  /** Called once when the session is over (ended by the user, idle, or failed). */
  onFinished(): void
}

/** One voice conversation: its socket (reopened after a drop), its turns, its idle timer. */
export class LiveSession {
  private socket: RealtimeSocket | null = null
  private readonly recorder: TurnRecorder
  private reconnects = 0
  private connectedAt = 0
  private finished = false
  private idleTimer: NodeJS.Timeout | null = null

  constructor(private readonly options: LiveSessionOptions) {
    this.recorder = new TurnRecorder(options.ports, (event) => this.socket?.send(event))
  }

  get id(): string {
    return this.options.ports.sessionId
  }

  get isFinished(): boolean {
    return this.finished
  }

  /** Connects and configures the session; throws (nothing stored as open) when the API is unreachable. */
  async start(): Promise<void> {
    this.emitStatus('connecting', null)
    this.socket = await this.connect()
    this.emitStatus('open', null)
    this.touch()
  }

  appendAudio(pcm: Buffer): void {
    this.requireOpen()
    this.recorder.noteUserAudio(pcm)
    this.socket?.send({ type: 'input_audio_buffer.append', audio: pcm.toString('base64') })
  }

  /** Push-to-talk: what was sent since the last turn is the user's turn, and the model answers. */
  commit(): void {
    this.requireOpen()
    this.socket?.send({ type: 'input_audio_buffer.commit' })
    this.socket?.send({ type: 'response.create' })
    this.touch()
  }

  sendText(text: string): void {
    this.requireOpen()
    this.recorder.noteUserText(text)
    this.socket?.send({ type: 'conversation.item.create', item: userMessage(text) })
    this.socket?.send({ type: 'response.create' })
    this.touch()
  }

  interrupt(playedMs: number, itemId?: string): void {
    this.requireOpen()
    this.recorder.interrupt(playedMs, itemId)
  }

  /**
   * Before closing: an answer still being made is cancelled and its `response.done` awaited (at most
   * `withinMs`), because the provider bills what it generated and the usage arrives only there.
   */
  async settleAnswer(withinMs = 2000): Promise<void> {
    if (this.finished || !this.recorder.responding || !this.socket?.isOpen) return
    this.socket.send({ type: 'response.cancel' })
    const deadline = Date.now() + withinMs
    while (this.recorder.responding && !this.finished && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20))
  }

  /** Closes the socket; a half-said answer is kept. Safe to call twice. */
  end(reason: string | null = null, failure: AppError | null = null): void {
    if (this.finished) return
    this.finished = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.recorder.keepPartialAnswers()
    this.socket?.close()
    const { repo, sessionId, now } = this.options.ports
    const error = failure ? { code: failure.code, message: failure.message } : null
    repo.finish(sessionId, failure ? 'failed' : 'ended', new Date(now()).toISOString(), error)
    this.emitStatus('closed', reason ?? failure?.message ?? null)
    this.options.onFinished()
  }

  private async connect(): Promise<RealtimeSocket> {
    const endpoint = await this.options.endpoint()
    const socket = await RealtimeSocket.open(endpoint, {
      onEvent: (event) => this.onEvent(event),
      onBadFrame: (text) =>
        this.reportError('AI_BAD_RESPONSE', `The Realtime API sent a frame that is not JSON: ${text}`),
      onClose: ({ expected, code, reason }) => {
        if (!expected && socket === this.socket) void this.reconnect(`${code}${reason ? ` ${reason}` : ''}`)
      }
    })
    socket.send(sessionUpdate(this.options.settings))
    this.connectedAt = Date.now()
    return socket
  }

  private onEvent(event: ServerEvent): void {
    // Frames already on their way when the session ended are not stored (they would be twice).
    if (this.finished) return
    if (event.type === 'error') {
      const error = obj(event.error)
      // Our cancel after a barge-in came after the server had already stopped the answer itself.
      if (error.code === 'response_cancel_not_active') return
      this.reportError('AI_INVALID_REQUEST', str(error.message) || 'The Realtime API reported an error.')
      return
    }
    if (event.type === 'input_audio_buffer.speech_started' || event.type === 'response.done') this.touch()
    try {
      this.recorder.handle(event)
    } catch (error) {
      this.options.ports.logger.error('voice event failed', { type: event.type, error: String(error) })
      this.reportError('INTERNAL', `Framewise could not handle “${event.type}”.`)
    }
  }

  /** The socket dropped: open it again with the same settings and the conversation so far, once per drop. */
  private async reconnect(why: string): Promise<void> {
    if (this.finished) return
    this.socket = null
    const wasAnswering = this.recorder.responding || this.recorder.awaitingAnswer
    this.recorder.keepPartialAnswers()
    if (Date.now() - this.connectedAt >= STABLE_MS) this.reconnects = 0
    if (this.reconnects >= MAX_RECONNECTS) {
      this.end(
        null,
        new AppError('AI_STREAM_INTERRUPTED', `The Realtime connection dropped (${why}) too often.`)
      )
      return
    }
    this.reconnects += 1
    this.emitStatus('reconnecting', why)
    try {
      const socket = await this.connect()
      if (this.finished) return socket.close()
      this.socket = socket
      for (const entry of this.recorder.history) replay(socket, entry)
      this.emitStatus('reconnected', why)
      if (!wasAnswering) return
      // The question is only given back as its transcript: without one, the model never heard it.
      const lastUser = this.recorder.history.findLast((e) => e.role === 'user')
      if (lastUser && !lastUser.text)
        this.reportError(
          'AI_STREAM_INTERRUPTED',
          'The connection dropped before your last words were transcribed: please say them again.'
        )
      else socket.send({ type: 'response.create' })
    } catch (error) {
      const info = toErrorInfo(error)
      this.end(
        null,
        new AppError(
          'AI_STREAM_INTERRUPTED',
          `The Realtime connection dropped and could not be opened again: ${info.message}`
        )
      )
    }
  }

  private reportError(code: string, message: string): void {
    this.options.ports.repo.setError(this.id, { code, message })
    this.options.ports.emit({ type: 'error', code, message })
  }

  private emitStatus(
    status: 'connecting' | 'open' | 'reconnecting' | 'reconnected' | 'closed',
    reason: string | null
  ): void {
    this.options.ports.emit({ type: 'status', status, reason })
  }

  private requireOpen(): void {
    if (this.finished) throw new AppError('CONFLICT', 'This voice session has ended.')
  }

  /** Someone spoke or the model answered: the idle limit counts from now. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      if (!this.recorder.responding) return this.end('idle')
      void this.settleAnswer().then(() => this.end('idle'))
    }, this.options.settings.idleMinutes * 60_000)
    this.idleTimer.unref()
  }
}

function userMessage(text: string): Record<string, unknown> {
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text }] }
}

/** A turn said before a reconnect, given back to the new session as a conversation item. */
function replay(socket: RealtimeSocket, entry: HistoryEntry): void {
  if (!entry.text) return
  const item =
    entry.role === 'user'
      ? userMessage(entry.text)
      : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: entry.text }] }
  socket.send({ type: 'conversation.item.create', item })
}
