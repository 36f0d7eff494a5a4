import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MessagePart } from '@shared/domain/playground'
import type { AiService } from '../../ai/ai-service'
import type { ImageCall } from '../../ai/calls/responses'
import { kindFromName } from '../../media/file-kind'
import type { Logger } from '../../platform/logger'
import type { BlobStore } from '../../store/blob-store'
import type { Db } from '../../store/database'
import type { GalleryService } from '../gallery/gallery-service'
import type { Importer } from '../library/importer'
import type { ContainerFile } from './response-parts'

export interface TurnOutputsDeps {
  db: Db
  ai: AiService
  gallery: GalleryService
  importer: Importer
  blobs: BlobStore
  logger: Logger
  tmpDir: string
}

interface ImageContext {
  prompt: string
  model: string
  providerId: string
  responseId: string
  requestId: string | null
}

/** Where what a turn made goes: images to the gallery, code-interpreter files to the library. */
export class TurnOutputs {
  constructor(private readonly deps: TurnOutputsDeps) {}

  /** Each generated image becomes a gallery image (an asset with its prompt), shown inline. */
  async storeImages(calls: readonly ImageCall[], context: ImageContext): Promise<MessagePart[]> {
    const parts: MessagePart[] = []
    for (const call of calls) {
      const stored = await this.deps.gallery.storeGeneratedImage({
        image: call.result,
        prompt: context.prompt,
        revisedPrompt: call.revisedPrompt,
        model: context.model,
        params: {
          size: call.size,
          quality: call.quality,
          background: call.background,
          outputFormat: call.outputFormat
        },
        responseId: context.responseId,
        requestId: context.requestId,
        providerId: context.providerId
      })
      parts.push({ type: 'generated_image', assetId: stored.assetId, path: stored.path })
    }
    return parts
  }

  /**
   * Downloads the files the code interpreter cited. Media become library assets; other files are
   * stored blobs the message holds (linked once the message is saved, see `linkFiles`).
   */
  async downloadFiles(
    files: readonly ContainerFile[],
    providerId: string,
    signal: AbortSignal
  ): Promise<MessagePart[]> {
    const parts: MessagePart[] = []
    for (const file of files) {
      try {
        const bytes = await this.deps.ai.downloadContainerFile(file.containerId, file.fileId, {
          providerId,
          signal
        })
        parts.push(await this.keep(file.filename, bytes, signal))
      } catch (error) {
        // One lost file must not lose the answer; the citation still names it.
        this.deps.logger.warn('container file download failed', { file: file.filename, error: String(error) })
      }
    }
    return parts
  }

  /** Records which stored files a message holds, so garbage collection keeps them. */
  linkFiles(messageId: string, parts: readonly MessagePart[]): void {
    const insert = this.deps.db.prepare(
      `INSERT OR IGNORE INTO playground_message_files (hash, message_id, filename)
       SELECT hash, ?, ? FROM blobs WHERE rel_path = ?`
    )
    for (const part of parts)
      if (part.type === 'file_output' && part.assetId === null)
        insert.run(messageId, part.filename, part.path)
  }

  private async keep(filename: string, bytes: Buffer, signal: AbortSignal): Promise<MessagePart> {
    const safe = filename.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'file'
    if (kindFromName(safe)) {
      await mkdir(this.deps.tmpDir, { recursive: true })
      const dir = await mkdtemp(join(this.deps.tmpDir, 'container-'))
      try {
        const path = join(dir, safe)
        await writeFile(path, bytes)
        const { asset } = await this.deps.importer.importFile(path, { signal, name: safe, uploaded: true })
        return { type: 'file_output', assetId: asset.id, path: asset.path, filename }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
    const ext = safe.includes('.') ? (safe.split('.').pop() ?? 'bin') : 'bin'
    const blob = await this.deps.blobs.ingestBuffer(bytes, ext)
    this.deps.blobs.register(blob, new Date().toISOString())
    return { type: 'file_output', assetId: null, path: blob.relPath, filename }
  }
}
