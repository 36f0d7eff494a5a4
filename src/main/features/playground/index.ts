import type { AiServices } from '../../ai/wire'
import type { Logger } from '../../platform/logger'
import type { CoreDeps, HandlerSlice } from '../feature'
import type { GalleryService } from '../gallery/gallery-service'
import type { Importer } from '../library/importer'
import { AnswerRunner } from './answer-runner'
import { AskService } from './ask-service'
import { Attachments } from './attachments'
import { ConversationsRepo } from './conversations-repo'
import type { LocalSources } from './local-functions'
import { PlaygroundService } from './playground-service'
import { TurnOutputs } from './turn-outputs'
import { VectorStoreService } from './vector-store-service'

export interface PlaygroundFeatureDeps extends CoreDeps {
  ai: AiServices
  gallery: GalleryService
  importer: Importer
  logger: Logger
  /** What Framewise's own functions read (library search, transcripts, summaries, keyframes). */
  sources: LocalSources
}

type Routes =
  | 'ai.ask'
  | 'playground.conversations'
  | 'playground.conversation'
  | 'playground.rename'
  | 'playground.pin'
  | 'playground.delete'
  | 'playground.export'
  | 'playground.condense'
  | 'playground.send'
  | 'playground.compare'
  | 'playground.pick'
  | 'playground.stop'
  | 'playground.code'
  | 'vectorstores.list'
  | 'vectorstores.create'
  | 'vectorstores.add'
  | 'vectorstores.delete'

/** Trying a model: stored conversations on either API with tools, functions, schemas and compare. */
export function playgroundFeature(deps: PlaygroundFeatureDeps) {
  const { db, ai, bus, assets, blobs, importer, paths } = deps
  const repo = new ConversationsRepo(db)
  const running = new Map<string, AbortController>()
  const attachments = new Attachments({ assets, blobs, importer, tmpDir: paths.tmpDir })
  const outputs = new TurnOutputs({
    db,
    ai: ai.ai,
    gallery: deps.gallery,
    importer,
    blobs,
    logger: deps.logger,
    tmpDir: paths.tmpDir
  })
  const runner = new AnswerRunner({
    ai: ai.ai,
    outputs,
    sources: deps.sources,
    repo,
    bus,
    imageUrl: (model, detail) => attachments.imageUrl(model, detail),
    running
  })
  const playground = new PlaygroundService({
    repo,
    ai: ai.ai,
    providers: ai.providers,
    runner,
    attachments,
    running
  })
  const vectorStores = new VectorStoreService({ db, ai: ai.ai, assets, blobs })
  const asker = new AskService({ ai: ai.ai, bus })
  const handlers: HandlerSlice<Routes> = {
    'ai.ask': (input) => asker.ask(input),
    'playground.conversations': ({ limit, search }) => playground.list(limit, search),
    'playground.conversation': ({ id }) => playground.get(id),
    'playground.rename': ({ id, title }) => playground.rename(id, title),
    'playground.pin': ({ id, pinned }) => playground.pin(id, pinned),
    'playground.delete': ({ id }) => playground.delete(id),
    'playground.export': ({ id, format }) => playground.export(id, format),
    'playground.condense': ({ id }) => playground.condense(id),
    'playground.send': (input) => playground.send(input),
    'playground.compare': (input) => playground.compare(input),
    'playground.pick': ({ messageId }) => playground.pick(messageId),
    'playground.stop': ({ streamId }) => playground.stop(streamId),
    'playground.code': ({ messageId, language }) => playground.code(messageId, language),
    'vectorstores.list': () => vectorStores.list(),
    'vectorstores.create': ({ name, providerId }) => vectorStores.create(name, providerId),
    'vectorstores.add': ({ id, assetIds, paths: files }) => vectorStores.add(id, { assetIds, paths: files }),
    'vectorstores.delete': ({ id }) => vectorStores.delete(id)
  }
  return { services: { asker, playground, vectorStores }, handlers }
}
