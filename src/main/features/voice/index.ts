import type { AiServices } from '../../ai/wire'
import type { Logger } from '../../platform/logger'
import type { EventBus } from '../../platform/event-bus'
import type { AppPaths } from '../../platform/paths'
import type { Db } from '../../store/database'
import type { TranscriptionService } from '../audio/transcription-service'
import type { HandlerSlice } from '../feature'
import type { LibraryService } from '../library/library-service'
import type { VideoSummaryService as SummaryService } from '../video-summary/summary-service'
import { VoiceRepo } from './voice-repo'
import { VoiceService } from './voice-service'
import { VoiceTools, type LibraryReader } from './voice-tools'

export interface VoiceFeatureDeps {
  db: Db
  bus: EventBus
  paths: AppPaths
  ai: AiServices
  logger: Logger
  env: NodeJS.ProcessEnv
  library: LibraryService
  summaries: SummaryService
  transcription: TranscriptionService
}

/** Realtime voice conversations held in the core, with Framewise's library as the model's tools. */
export function voiceFeature(deps: VoiceFeatureDeps) {
  const voice = new VoiceService({
    db: deps.db,
    repo: new VoiceRepo(deps.db),
    ai: deps.ai.ai,
    providers: deps.ai.providers,
    bus: deps.bus,
    tools: new VoiceTools(libraryReader(deps)),
    dataDir: deps.paths.dataDir,
    env: deps.env,
    logger: deps.logger
  })
  const handlers: HandlerSlice<
    | 'voice.capability'
    | 'voice.start'
    | 'voice.audio'
    | 'voice.commit'
    | 'voice.text'
    | 'voice.interrupt'
    | 'voice.end'
    | 'voice.sessions'
    | 'voice.session'
    | 'voice.export'
    | 'voice.delete'
  > = {
    'voice.capability': ({ providerId }) => voice.capability(providerId),
    'voice.start': (settings) => voice.start(settings),
    'voice.audio': ({ sessionId, pcm }) => voice.appendAudio(sessionId, pcm),
    'voice.commit': ({ sessionId }) => voice.commit(sessionId),
    'voice.text': ({ sessionId, text }) => voice.sendText(sessionId, text),
    'voice.interrupt': ({ sessionId, playedMs, itemId }) => voice.interrupt(sessionId, playedMs, itemId),
    'voice.end': ({ sessionId }) => voice.end(sessionId),
    'voice.sessions': (query) => voice.list(query),
    'voice.session': ({ sessionId }) => voice.get(sessionId),
    'voice.export': ({ sessionId }) => voice.export(sessionId),
    'voice.delete': ({ sessionId }) => voice.delete(sessionId)
  }
  return { services: { voice }, handlers }
}

/** The tools' view of the library: its search, a video's summary, and the newest transcript. */
function libraryReader(deps: VoiceFeatureDeps): LibraryReader {
  return {
    search: (query, limit) =>
      deps.library.list({ search: query, limit, offset: 0 }).items.map((item) => ({
        id: item.id,
        name: item.name,
        kind: item.kind,
        durationS: item.durationS,
        snippet: item.match?.snippet ?? null
      })),
    summary: (assetId) => deps.summaries.get(assetId)?.summary ?? null,
    transcript: (assetId) => {
      const view = deps.transcription.view(assetId)
      if (view) return { text: view.text, segments: view.segments }
      return deps.summaries.get(assetId)?.transcript ?? null
    }
  }
}
