import type { AiServices } from '../../ai/wire'
import type { Logger } from '../../platform/logger'
import type { CoreDeps, HandlerSlice } from '../feature'
import type { Importer } from '../library/importer'
import { EditSources } from './edit-sources'
import { GalleryService } from './gallery-service'
import { ImageCatalog } from './image-catalog'
import { imageJobKind } from './image-job'
import { ImageSaver } from './image-saver'
import { RunsRepo } from './runs-repo'

export interface GalleryFeatureDeps extends CoreDeps {
  ai: AiServices
  importer: Importer
  logger: Logger
}

/** Generated and edited images, kept in the library with their prompts, parameters and lineage. */
export function galleryFeature(deps: GalleryFeatureDeps) {
  const { db, ai, assets, blobs, jobs, bus, paths, importer, logger } = deps
  const catalog = new ImageCatalog({ ai: ai.ai, providers: ai.providers, prices: ai.prices, assets })
  const gallery = new GalleryService({
    db,
    ai: ai.ai,
    prices: ai.prices,
    catalog,
    runs: new RunsRepo(db),
    assets,
    blobs,
    sources: new EditSources({ assets, blobs, importer }),
    saver: new ImageSaver({ importer, assets, jobs, logger, tmpDir: paths.tmpDir }),
    jobs,
    bus,
    tmpDir: paths.tmpDir
  })
  jobs.register(imageJobKind({ gallery }))
  const handlers: HandlerSlice<
    | 'gallery.models'
    | 'gallery.estimate'
    | 'gallery.generate'
    | 'gallery.edit'
    | 'gallery.run'
    | 'gallery.list'
    | 'gallery.detail'
    | 'gallery.favourite'
  > = {
    'gallery.models': ({ providerId }) => catalog.models(providerId),
    'gallery.estimate': ({ request }) => catalog.estimate(request),
    'gallery.generate': (input) => gallery.generate(input),
    'gallery.edit': (input) => gallery.edit(input),
    'gallery.run': ({ runId }) => gallery.getRun(runId),
    'gallery.list': (query) => gallery.list(query),
    'gallery.detail': ({ assetId }) => gallery.detail(assetId),
    'gallery.favourite': ({ assetId, favourite }) => gallery.favourite(assetId, favourite)
  }
  return { services: { gallery }, handlers }
}
