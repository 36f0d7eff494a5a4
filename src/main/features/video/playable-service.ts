import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { PLAYABLE_JOB } from '@shared/domain/video'
import { makePlayableCopy, needsPlayableCopy } from '../../media/video/playable-copy'
import type { Db } from '../../store/database'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { JobQueue } from '../../jobs/job-queue'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'

const ROLE = 'playable'

export interface PlayableCopy {
  /** Library-relative path, served like the original. */
  path: string | null
  /** Whether this window is expected to need one (its codec is not one Chromium plays). */
  needed: boolean
}

/** Playable copies of videos the player cannot decode (DESIGN §7), kept as a file of the asset. */
export class PlayableService {
  constructor(
    private readonly deps: {
      db: Db
      assets: AssetsRepo
      blobs: BlobStore
      media: MediaTools
      jobs: JobQueue
      tmpDir: string
    }
  ) {}

  get(assetId: string): PlayableCopy {
    const asset = this.deps.assets.requireVideo(assetId)
    const copy = this.deps.assets.blobForRole(assetId, ROLE)
    return { path: copy?.relPath ?? null, needed: needsPlayableCopy(asset.metadata.videoCodec) }
  }

  /** Starts the job, unless a copy is there already (then null). */
  start(assetId: string): { jobId: string | null } {
    const asset = this.deps.assets.requireVideo(assetId)
    if (this.deps.assets.blobForRole(assetId, ROLE)) return { jobId: null }
    const job = this.deps.jobs.enqueue({
      kind: PLAYABLE_JOB,
      title: asset.name,
      payload: { assetId },
      assetId,
      dedupeKey: `${PLAYABLE_JOB}:${assetId}`
    })
    return { jobId: job.id }
  }

  async make(
    assetId: string,
    run: { signal?: AbortSignal; progress?: (fraction: number) => void } = {}
  ): Promise<string> {
    const asset = this.deps.assets.requireVideo(assetId)
    const existing = this.deps.assets.blobForRole(assetId, ROLE)
    if (existing) return existing.relPath
    const output = join(this.deps.tmpDir, `playable-${randomUUID()}.mp4`)
    try {
      await makePlayableCopy(
        await this.deps.media.binaries(),
        this.deps.blobs.absolutePath(asset.path),
        output,
        {
          signal: run.signal,
          onProgress: run.progress
        }
      )
      const blob = await this.deps.blobs.ingestFile(output, 'mp4', run.signal)
      try {
        this.deps.db.transaction(() => {
          this.deps.blobs.register(blob, new Date().toISOString())
          this.deps.assets.addBlobRef(blob.hash, assetId, ROLE)
        })()
      } finally {
        this.deps.blobs.release(blob.hash)
      }
      return blob.relPath
    } finally {
      await rm(output, { force: true })
    }
  }
}
