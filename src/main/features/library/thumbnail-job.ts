import { z } from 'zod'
import { AppError, toErrorInfo, type ErrorCode } from '@shared/errors'
import type { EventBus } from '../../platform/event-bus'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { Db } from '../../store/database'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import { makeThumbnail } from '../../media/image/thumbnails'
import { defineJobKind } from '../../jobs/job-kind'

export const THUMBNAIL_JOB = 'asset.thumbnail'

const DAMAGE_CODES: readonly ErrorCode[] = [
  'MEDIA_CORRUPT',
  'MEDIA_DECODE_FAILED',
  'MEDIA_UNSUPPORTED',
  'MEDIA_TOO_LARGE'
]

export interface ThumbnailJobDeps {
  db: Db
  assets: AssetsRepo
  blobs: BlobStore
  media: MediaTools
  bus: EventBus
  tmpDir: string
}

export function thumbnailJobKind(deps: ThumbnailJobDeps) {
  return defineJobKind({
    kind: THUMBNAIL_JOB,
    concurrency: 2,
    payload: z.object({ assetId: z.string() }),
    async run({ assetId }, ctx) {
      const asset = deps.assets.get(assetId)
      if (!asset) throw new AppError('NOT_FOUND', 'The asset was deleted before its preview was made.')
      ctx.progress('rendering-preview', 0.1)
      let data: Buffer
      try {
        data = await makeThumbnail(await deps.media.binaries(), deps.tmpDir, {
          kind: asset.kind,
          file: deps.blobs.absolutePath(asset.path),
          durationS: asset.durationS,
          signal: ctx.signal
        })
      } catch (error) {
        if (!ctx.signal.aborted) markFailed(deps, assetId, error)
        throw error
      }
      const blob = await deps.blobs.ingestBuffer(data, 'webp')
      try {
        deps.db.transaction(() => {
          deps.blobs.register(blob, new Date().toISOString())
          deps.assets.setThumbnail(assetId, 'ready', blob.hash)
          // A preview that works now clears an earlier failure (a full disk, a missing decoder).
          deps.assets.setProblem(assetId, null)
        })()
      } finally {
        deps.blobs.release(blob.hash)
      }
      deps.bus.emit('library.changed', { reason: 'updated', ids: [assetId] })
      return { thumbnail: blob.relPath }
    }
  })
}

/** A preview that fails because the file cannot be decoded marks the asset as damaged. */
function markFailed(deps: ThumbnailJobDeps, assetId: string, error: unknown): void {
  if (!deps.assets.get(assetId)) return
  deps.assets.setThumbnail(assetId, 'failed', null)
  const info = toErrorInfo(error)
  if (DAMAGE_CODES.includes(info.code))
    deps.assets.setProblem(assetId, { code: info.code, message: info.message })
  deps.bus.emit('library.changed', { reason: 'updated', ids: [assetId] })
}
