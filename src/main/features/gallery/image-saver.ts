import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoredImage } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import type { JobQueue } from '../../jobs/job-queue'
import { readImageInfo } from '../../media/image/image-info'
import { withTempDir } from '../../platform/ffmpeg/ffmpeg'
import type { Logger } from '../../platform/logger'
import type { AssetsRepo } from '../../store/assets-repo'
import { titleOf } from '../audio/speech-service'
import type { Importer } from '../library/importer'
import { THUMBNAIL_JOB } from '../library/thumbnail-job'

export interface ImageSaverDeps {
  importer: Importer
  assets: AssetsRepo
  jobs: JobQueue
  logger: Logger
  tmpDir: string
}

const EXTENSION: Record<string, string> = { png: 'png', jpeg: 'jpg', jpg: 'jpg', webp: 'webp', gif: 'gif' }

/**
 * Turns base64 from the provider into a library image: checked to decode first (a broken answer is
 * logged and refused, nothing stored), then imported like any file (content-addressed, landed by
 * rename, so a full disk leaves no half-written file), its prompt indexed and its thumbnail queued.
 */
export class ImageSaver {
  constructor(private readonly deps: ImageSaverDeps) {}

  async decode(b64: string | Buffer, context: { runId: string; requestId: string | null }): Promise<Buffer> {
    const bytes = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : b64
    try {
      const info = await readImageInfo(bytes)
      if (!EXTENSION[info.format]) throw new Error(`unexpected format ${info.format}`)
      return bytes
    } catch (error) {
      // Kept for whoever has to find out what the provider sent (truncated: it can be megabytes).
      const raw = typeof b64 === 'string' ? b64 : b64.toString('base64')
      this.deps.logger.error('image data from the provider does not decode', {
        runId: context.runId,
        requestId: context.requestId,
        error: String(error),
        bytes: raw.length,
        head: raw.slice(0, 200),
        tail: raw.slice(-60)
      })
      throw new AppError(
        'AI_BAD_RESPONSE',
        'The provider sent image data that is not an image; nothing was stored. The raw answer is in the log.',
        { requestId: context.requestId }
      )
    }
  }

  async save(bytes: Buffer, prompt: string, searchText: string): Promise<StoredImage> {
    const info = await readImageInfo(bytes)
    const name = `${titleOf(prompt || 'Image')}.${EXTENSION[info.format] ?? 'png'}`
    const asset = await withTempDir(this.deps.tmpDir, async (dir) => {
      const file = join(dir, name)
      await writeFile(file, bytes)
      return (await this.deps.importer.importFile(file, { name, uploaded: true })).asset
    })
    this.deps.assets.upsertSearchDoc(asset.id, 'generation', prompt, searchText)
    if (asset.thumb.state === 'pending')
      this.deps.jobs.enqueue({
        kind: THUMBNAIL_JOB,
        title: asset.name,
        payload: { assetId: asset.id },
        assetId: asset.id,
        dedupeKey: `${THUMBNAIL_JOB}:${asset.id}`
      })
    return {
      assetId: asset.id,
      path: asset.path,
      width: asset.width ?? info.displayWidth,
      height: asset.height ?? info.displayHeight,
      format: info.format === 'jpg' ? 'jpeg' : info.format
    }
  }
}
