import { BATCH_LIMITS, type BatchLimits } from '../../ai/calls/batch-input'
import { lintStrictSchema } from '../../ai/schema-lint'
import type { AiServices } from '../../ai/wire'
import type { CoreDeps, HandlerSlice } from '../feature'
import { BatchRunner } from './batch-runner'
import { BatchesRepo } from './batches-repo'
import { DirectRunner } from './direct-runner'
import { ExtractorResolver } from './extractor-resolver'
import { ExtractorsRepo } from './extractors-repo'
import { batchJobKind, extractJobKind } from './image-jobs'
import { ImagesService } from './images-service'
import { ResultsRepo } from './results-repo'
import { RunViews } from './run-view'
import { RunsRepo } from './runs-repo'

export interface ImagesFeatureDeps extends CoreDeps {
  ai: AiServices
  env: NodeJS.ProcessEnv
}

/** Polls start at 30 s and back off to 10 min; tests shorten them with FRAMEWISE_BATCH_POLL_MS. */
function pollTimes(env: NodeJS.ProcessEnv): { pollMs: number; maxPollMs: number } {
  const fromEnv = Number(env.FRAMEWISE_BATCH_POLL_MS)
  const pollMs = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000
  return { pollMs, maxPollMs: Math.max(pollMs, 10 * 60_000 * (pollMs / 30_000)) }
}

/** The API's limits per input file; FRAMEWISE_BATCH_MAX_LINES lowers them so tests can see a split. */
function batchLimits(env: NodeJS.ProcessEnv): BatchLimits {
  const maxLines = Number(env.FRAMEWISE_BATCH_MAX_LINES)
  return Number.isInteger(maxLines) && maxLines > 0 ? { ...BATCH_LIMITS, maxLines } : BATCH_LIMITS
}

/** Extractors run over many images, image by image or as a Batch at half price; rows, edits, exports. */
export function imagesFeature(deps: ImagesFeatureDeps) {
  const { db, assets, blobs, jobs, bus } = deps
  const runs = new RunsRepo(db)
  const results = new ResultsRepo(db)
  const batches = new BatchesRepo(db)
  const extractors = new ExtractorResolver(new ExtractorsRepo(db))
  // FRAMEWISE_IMAGES_IN_FLIGHT changes how many images a run sends at once (the benchmark's baseline is 1).
  const inFlight = Number(deps.env.FRAMEWISE_IMAGES_IN_FLIGHT) || undefined
  const runner = { ai: deps.ai.ai, assets, blobs, runs, results, bus, inFlight }
  const direct = new DirectRunner(runner)
  const batch = new BatchRunner({ ...runner, batches, prices: deps.ai.prices,
    limits: batchLimits(deps.env),
    ...pollTimes(deps.env)
  })
  const images = new ImagesService({
    ...runner,
    prices: deps.ai.prices,
    batches,
    extractors,
    views: new RunViews({ runs, assets }),
    jobs,
    batchRunner: batch
  })
  jobs.register(extractJobKind({ direct }))
  jobs.register(batchJobKind({ batch }))
  const handlers: HandlerSlice<
    | 'images.extractors'
    | 'images.extractor.save'
    | 'images.extractor.delete'
    | 'images.schema.lint'
    | 'images.estimate'
    | 'images.run'
    | 'images.runs'
    | 'images.run.view'
    | 'images.run.edit'
    | 'images.run.retry'
    | 'images.run.export'
    | 'images.run.delete'
    | 'batch.list'
    | 'batch.get'
    | 'batch.cancel'
    | 'batch.follow'
  > = {
    'images.extractors': () => extractors.list(),
    'images.extractor.save': (draft) => extractors.save(draft),
    'images.extractor.delete': ({ id }) => extractors.delete(id),
    'images.schema.lint': ({ schema }) => lintStrictSchema(schema),
    'images.estimate': ({ force, ...choice }) => images.estimate(choice, { force }),
    'images.run': ({ force, batch: asBatch, ...choice }) => images.start(choice, { force, batch: asBatch }),
    'images.runs': ({ limit }) => images.runs(limit),
    'images.run.view': ({ runId }) => images.view(runId),
    'images.run.edit': ({ runId, assetId, edits }) => images.editRow(runId, assetId, edits),
    'images.run.retry': ({ runId, assetIds }) => images.retry(runId, assetIds),
    'images.run.export': ({ runId, format }) => images.export(runId, format),
    'images.run.delete': ({ runId }) => images.deleteRun(runId),
    'batch.list': ({ limit }) => images.batches(limit),
    'batch.get': ({ id }) => images.batch(id),
    'batch.cancel': ({ id }) => images.cancelBatch(id),
    'batch.follow': ({ id }) => images.follow(id)
  }
  return { services: { images }, handlers }
}
