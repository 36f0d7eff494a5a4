import type { CoreDeps, HandlerSlice } from '../feature'
import { importJobKind } from './import-job'
import { Importer } from './importer'
import { LibraryService } from './library-service'
import { MediaFactsRepo } from './media-facts-repo'
import { thumbnailJobKind } from './thumbnail-job'

export type LibraryFeatureDeps = CoreDeps

/** Importing files, thumbnails, listing, search, rename and delete. */
export function libraryFeature(deps: LibraryFeatureDeps) {
  const { db, assets, blobs, media, jobs, bus, paths } = deps
  const facts = new MediaFactsRepo(db)
  const importer = new Importer({ db, assets, blobs, media, facts, dataDir: paths.dataDir })
  jobs.register(importJobKind({ importer, bus, stagingDir: paths.stagingDir }))
  jobs.register(thumbnailJobKind({ db, assets, blobs, media, bus, tmpDir: paths.tmpDir }))
  const library = new LibraryService({ assets, blobs, jobs, bus })
  const handlers: HandlerSlice<
    'library.list' | 'library.get' | 'library.import' | 'library.delete' | 'library.rename'
  > = {
    'library.list': (input) => library.list(input),
    'library.get': ({ id }) => library.get(id),
    'library.import': ({ paths }) => library.startImport(paths),
    'library.delete': ({ ids }) => library.delete(ids),
    'library.rename': ({ id, name }) => library.rename(id, name)
  }
  return { services: { library, importer, mediaFacts: facts }, handlers }
}
