import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import type { MessagePart, TurnSettings } from '@shared/domain/playground'
import { AppError } from '@shared/errors'
import { prepareImage } from '../../media/image/image-prep'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { Importer } from '../library/importer'
import type { ImageUrl } from './history'

type ImagePart = Extract<MessagePart, { type: 'image' }>
type ImageInput = { assetId: string } | { path: string } | { dataUrl: string; name?: string }

const DATA_URL = /^data:image\/([a-z0-9.+-]+);base64,(.+)$/is

/** Images of a turn: library assets, files on disk (the CLI), or pasted ones put into the library. */
export class Attachments {
  constructor(
    private readonly deps: { assets: AssetsRepo; blobs: BlobStore; importer: Importer; tmpDir: string }
  ) {}

  async resolve(images: readonly ImageInput[]): Promise<ImagePart[]> {
    const parts: ImagePart[] = []
    for (const image of images) parts.push(await this.one(image))
    return parts
  }

  /** A data URL of the image prepared for the model: upright, sRGB, resized for the detail. */
  imageUrl(model: string, detail: TurnSettings['detail']): ImageUrl {
    // 'auto' lets the model choose; the image is still prepared for high detail, the larger of the two.
    const prep = detail === 'low' ? 'low' : 'high'
    return async (part) => {
      const path = part.assetId ? this.deps.blobs.absolutePath(part.path) : part.path
      const img = await prepareImage(path, { model, detail: prep })
      return `data:image/${img.format};base64,${img.data.toString('base64')}`
    }
  }

  private async one(image: ImageInput): Promise<ImagePart> {
    if ('assetId' in image) {
      const asset = this.deps.assets.require(image.assetId)
      if (asset.kind !== 'image') throw new AppError('VALIDATION_FAILED', `${asset.name} is not an image.`)
      return { type: 'image', assetId: asset.id, path: asset.path }
    }
    if ('path' in image) {
      const path = isAbsolute(image.path) ? image.path : resolve(image.path)
      return { type: 'image', assetId: null, path }
    }
    return this.pasted(image.dataUrl, image.name)
  }

  /** A pasted or dropped image is kept in the library, so the conversation can show it again. */
  private async pasted(dataUrl: string, name?: string): Promise<ImagePart> {
    const match = DATA_URL.exec(dataUrl)
    if (!match) throw new AppError('VALIDATION_FAILED', 'The pasted image is not a base64 data URL.')
    const ext = (match[1] as string).toLowerCase().replace('jpeg', 'jpg').replace('svg+xml', 'svg')
    await mkdir(this.deps.tmpDir, { recursive: true })
    const dir = await mkdtemp(join(this.deps.tmpDir, 'pasted-'))
    try {
      const file = join(dir, safeName(name, ext))
      await writeFile(file, Buffer.from(match[2] as string, 'base64'))
      const { asset } = await this.deps.importer.importFile(file, {
        uploaded: true,
        name: safeName(name, ext)
      })
      return { type: 'image', assetId: asset.id, path: asset.path }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

function safeName(name: string | undefined, ext: string): string {
  const base = (name ?? '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/\.[^.]*$/, '')
    .slice(0, 80)
  return `${base || 'pasted-image'}.${ext}`
}
