import type { AiServices } from '../../ai/wire'
import type { JobQueue } from '../../jobs/job-queue'
import type { EventBus } from '../../platform/event-bus'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { Db } from '../../store/database'
import type { HandlerSlice } from '../feature'
import type { Transcriber } from '../audio/transcriber'
import { TranscriptsRepo } from '../audio/transcripts-repo'
import type { KeyframeService } from '../video/keyframe-service'
import { AnalysesRepo } from './analyses-repo'
import { ConversationsRepo } from './conversations-repo'
import { summaryJobKind } from './summary-job'
import { VideoSummaryService } from './summary-service'
import { VideoChat } from './video-chat'

export interface VideoSummaryFeatureDeps {
  db: Db
  ai: AiServices
  assets: AssetsRepo
  keyframes: KeyframeService
  blobs: BlobStore
  transcriber: Transcriber
  jobs: JobQueue
  bus: EventBus
}

/** Keyframes + transcript → chaptered summary, questions about it, exports. */
export function videoSummaryFeature(deps: VideoSummaryFeatureDeps) {
  const { db, ai, blobs, jobs } = deps
  const summaries = new VideoSummaryService({
    ai: ai.ai,
    prices: ai.prices,
    usage: ai.usage,
    assets: deps.assets,
    analyses: new AnalysesRepo(db),
    transcripts: new TranscriptsRepo(db),
    transcriber: deps.transcriber,
    keyframes: deps.keyframes,
    blobs,
    jobs,
    bus: deps.bus,
    chat: new VideoChat({ ai: ai.ai, conversations: new ConversationsRepo(db), blobs })
  })
  jobs.register(summaryJobKind({ summaries }))
  const handlers: HandlerSlice<
    | 'video.summarize'
    | 'video.estimate'
    | 'video.analysis'
    | 'video.export'
    | 'video.ask'
    | 'video.conversation'
    | 'video.conversation.clear'
  > = {
    'video.summarize': ({ assetId, options, force }) => summaries.start(assetId, options, force),
    'video.estimate': ({ assetId, options }) => summaries.estimate(assetId, options),
    'video.analysis': ({ assetId }) => summaries.get(assetId),
    'video.export': ({ assetId, format }) => summaries.export(assetId, format),
    'video.ask': ({ assetId, question }) => summaries.ask(assetId, question),
    'video.conversation': ({ assetId }) => summaries.conversation(assetId),
    'video.conversation.clear': ({ assetId }) => summaries.clearConversation(assetId)
  }
  return { services: { summaries }, handlers }
}
