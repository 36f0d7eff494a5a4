import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Asset } from '@shared/domain/asset'
import type { ImageSource, MaskSource } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import { prepareMask } from '../../media/image/image-edit-prep'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore, StoredBlob } from '../../store/blob-store'
import type { Importer } from '../library/importer'

export interface EditSourcesDeps {
  assets: AssetsRepo
  blobs: BlobStore
  importer: Importer
}

// The canvas export of a mask is a PNG; anything far larger is not one.
const MAX_MASK_BYTES = 30 * 1024 * 1024

/** The images and mask an edit names, made ready: files imported into the library, the mask checked. */
export class EditSources {
  constructor(private readonly deps: EditSourcesDeps) {}

  /** A library image, or a file imported first (so every edit's parent is in the library). */
  async image(source: ImageSource): Promise<Asset> {
    const asset =
      'assetId' in source
        ? this.deps.assets.require(source.assetId)
        : (await this.deps.importer.importFile(resolve(source.path))).asset
    if (asset.kind !== 'image')
      throw new AppError('MEDIA_UNSUPPORTED', `${asset.name} is not an image; only images can be edited.`)
    if (!asset.width || !asset.height)
      throw new AppError('MEDIA_CORRUPT', `${asset.name} has no readable size.`)
    return asset
  }

  /**
   * The mask as a PNG of the source's size in the file store (not yet registered: the images made
   * with it register it when they are stored, so an abandoned mask is collected as a stray file).
   */
  async mask(mask: MaskSource, target: Asset): Promise<StoredBlob & { resized: boolean }> {
    const bytes = 'path' in mask ? await readMaskFile(mask.path) : Buffer.from(mask.pngBase64, 'base64')
    if (bytes.length === 0 || bytes.length > MAX_MASK_BYTES)
      throw new AppError('VALIDATION_FAILED', 'The mask is empty or too large to be a PNG mask.')
    const prepared = await prepareMask(bytes, {
      width: target.width as number,
      height: target.height as number
    })
    const blob = await this.deps.blobs.ingestBuffer(prepared.png, 'png')
    return { ...blob, resized: prepared.resized }
  }
}

async function readMaskFile(path: string): Promise<Buffer> {
  try {
    return await readFile(resolve(path))
  } catch {
    throw new AppError('FILE_NOT_FOUND', `The mask file ${path} cannot be read.`)
  }
}
