import { basename } from 'node:path'
import type { Asset } from '@shared/domain/asset'
import type { LibraryQuery } from '@shared/contract/library'
import type { EventBus } from '../../platform/event-bus'
import type { AssetPage } from '../../store/asset-list'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { JobQueue } from '../../jobs/job-queue'
import { IMPORT_JOB } from './import-job'

export interface LibraryServiceDeps {
  assets: AssetsRepo
  blobs: BlobStore
  jobs: JobQueue
  bus: EventBus
}

export class LibraryService {
  constructor(private readonly deps: LibraryServiceDeps) {}

  /** A page newest first, or of a search; pass the previous page's `nextCursor` for the next one. */
  list(query: Required<Pick<LibraryQuery, 'limit' | 'offset'>> & LibraryQuery): AssetPage {
    return this.deps.assets.list(query)
  }

  get(id: string): Asset {
    return this.deps.assets.require(id)
  }

  /** Import runs as a job so it survives navigation, reports progress and resumes after a crash. */
  startImport(paths: readonly string[]): { jobId: string } {
    // A name, not a sentence: the UI shows job titles as they are, in either language.
    const first = basename(paths[0] as string)
    const title = paths.length === 1 ? first : `${first} +${paths.length - 1}`
    const job = this.deps.jobs.enqueue({ kind: IMPORT_JOB, title, payload: { paths } })
    return { jobId: job.id }
  }

  async delete(ids: readonly string[]): Promise<{ deleted: number }> {
    for (const id of ids) {
      for (const job of this.deps.jobs.activeForAsset(id)) this.deps.jobs.cancel(job.id)
    }
    const deleted = this.deps.assets.delete(ids)
    await this.deps.blobs.collectGarbage()
    if (deleted > 0) this.deps.bus.emit('library.changed', { reason: 'deleted', ids: [...ids] })
    return { deleted }
  }

  rename(id: string, name: string): Asset {
    this.get(id)
    this.deps.assets.rename(id, name)
    this.deps.bus.emit('library.changed', { reason: 'updated', ids: [id] })
    return this.get(id)
  }
}
