import { randomUUID } from 'node:crypto'
import {
  INPUT_TRANSCRIPTION_MODELS,
  REALTIME_MODELS,
  REALTIME_VOICES,
  type VoiceCapability,
  type VoiceSessionView,
  type VoiceSettings,
  type VoiceUsage
} from '@shared/domain/voice'
import type { ExportedFile } from '@shared/domain/video'
import { AppError } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { ProviderService } from '../../ai/provider-service'
import type { EventBus } from '../../platform/event-bus'
import type { Logger } from '../../platform/logger'
import type { Db } from '../../store/database'
import { LiveSession } from './live-session'
import { realtimeEndpoint } from './realtime-endpoint'
import type { SessionPorts } from './session-ports'
import { VoiceAudioFiles } from './voice-audio-files'
import { sessionMarkdown } from './voice-export'
import { listSessions, type SessionQuery } from './voice-list'
import type { VoiceRepo } from './voice-repo'
import type { VoiceTools } from './voice-tools'

export interface VoiceServiceDeps {
  db: Db
  repo: VoiceRepo
  ai: AiService
  providers: ProviderService
  bus: EventBus
  tools: VoiceTools
  dataDir: string
  env: NodeJS.ProcessEnv
  logger: Logger
  now?: () => number
}

/** Live Realtime sessions held by the core (the key never leaves it), and the stored ones. */
export class VoiceService {
  private readonly live = new Map<string, LiveSession>()
  private readonly audioFiles: VoiceAudioFiles

  constructor(private readonly deps: VoiceServiceDeps) {
    this.audioFiles = new VoiceAudioFiles(deps.dataDir)
  }

  async capability(providerId?: string): Promise<VoiceCapability> {
    const { provider } = await this.deps.providers.resolve(providerId).catch(() => ({ provider: null }))
    const offered = provider?.models.filter((m) => m.includes('realtime')) ?? []
    return {
      providerId: provider?.id ?? null,
      providerName: provider?.name ?? null,
      realtime: provider?.capabilities.realtime ?? false,
      models: [...new Set([...REALTIME_MODELS, ...offered])],
      voices: [...REALTIME_VOICES],
      transcriptionModels: [...INPUT_TRANSCRIPTION_MODELS]
    }
  }

  async start(settings: VoiceSettings): Promise<{ sessionId: string }> {
    const resolved = await this.deps.providers.resolve(settings.providerId)
    realtimeEndpoint(resolved, settings.model, this.deps.env) // refuses a provider without Realtime before anything is stored
    const sessionId = `voice-${randomUUID()}`
    const session = new LiveSession({
      settings,
      endpoint: async () =>
        realtimeEndpoint(await this.deps.providers.resolve(resolved.row.id), settings.model, this.deps.env),
      ports: this.ports(sessionId, resolved.row.id, settings),
      onFinished: () => this.live.delete(sessionId)
    })
    const now = this.now()
    this.deps.repo.createSession({
      id: sessionId,
      providerId: resolved.row.id,
      model: settings.model,
      voice: settings.voice,
      settings,
      startedAt: new Date(now).toISOString()
    })
    this.live.set(sessionId, session)
    try {
      await session.start()
    } catch (error) {
      this.live.delete(sessionId)
      this.deps.repo.delete(sessionId)
      throw error
    }
    return { sessionId }
  }

  appendAudio(sessionId: string, base64: string): null {
    this.session(sessionId).appendAudio(Buffer.from(base64, 'base64'))
    return null
  }

  commit(sessionId: string): null {
    this.session(sessionId).commit()
    return null
  }

  sendText(sessionId: string, text: string): null {
    this.session(sessionId).sendText(text)
    return null
  }

  interrupt(sessionId: string, playedMs: number, itemId?: string): null {
    this.session(sessionId).interrupt(playedMs, itemId)
    return null
  }

  async end(sessionId: string): Promise<VoiceSessionView> {
    const session = this.live.get(sessionId)
    await session?.settleAnswer()
    session?.end()
    return this.get(sessionId)
  }

  list(query: SessionQuery) {
    return listSessions(this.deps.db, query)
  }

  get(sessionId: string): VoiceSessionView {
    const view = this.deps.repo.get(sessionId)
    if (!view) throw new AppError('NOT_FOUND', `No voice session with id “${sessionId}”.`)
    return view
  }

  export(sessionId: string): ExportedFile {
    const view = this.get(sessionId)
    return {
      filename: `voice-${view.startedAt.slice(0, 19).replace(/[:T]/g, '-')}.md`,
      mime: 'text/markdown',
      content: sessionMarkdown(view)
    }
  }

  delete(sessionId: string): { deleted: boolean } {
    this.live.get(sessionId)?.end()
    const deleted = this.deps.repo.delete(sessionId)
    this.audioFiles.removeSession(sessionId)
    return { deleted }
  }

  /** Ends every live session (the process is stopping), with the usage of answers in progress. */
  async dispose(): Promise<void> {
    const sessions = [...this.live.values()]
    await Promise.all(sessions.map((session) => session.settleAnswer()))
    for (const session of sessions) session.end('shutdown')
  }

  private session(sessionId: string): LiveSession {
    const session = this.live.get(sessionId)
    if (!session) {
      if (this.deps.repo.get(sessionId)) throw new AppError('CONFLICT', 'This voice session has ended.')
      throw new AppError('NOT_FOUND', `No voice session with id “${sessionId}”.`)
    }
    return session
  }

  private ports(sessionId: string, providerId: string, settings: VoiceSettings): SessionPorts {
    const { bus, ai, repo, tools, logger } = this.deps
    return {
      sessionId,
      repo,
      emit: (event) => bus.emit('voice.event', { ...event, sessionId }),
      recordTranscription: (usage: unknown) => {
        if (usage && settings.transcriptionModel)
          ai.recordTranscription({ providerId, model: settings.transcriptionModel, usage })
      },
      recordUsage: (
        usage: VoiceUsage,
        cachedAudioTokens: number,
        latencyMs: number,
        requestId: string | null
      ) =>
        ai.recordRealtime({
          providerId,
          model: settings.model,
          usage,
          cachedAudioTokens,
          latencyMs,
          requestId
        }),
      tools: settings.localTools ? tools : null,
      audio: settings.saveAudio ? this.audioFiles : null,
      now: () => this.now(),
      logger
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)()
  }
}
