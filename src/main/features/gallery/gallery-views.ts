import type { Asset } from '@shared/domain/asset'
import type {
  GalleryDetail,
  GalleryItem,
  ImageRunView,
  LineageAsset,
  StoredImage
} from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import type { AssetsRepo } from '../../store/assets-repo'
import type { RunsRepo, StoredRun } from './runs-repo'

// A chain longer than this is shown up to here (each version is a request someone made by hand).
const MAX_CHAIN = 200

/** Runs and assets as the Gallery shows them: items with their request, and their lineage. */
export class GalleryViews {
  constructor(private readonly deps: { runs: RunsRepo; assets: AssetsRepo }) {}

  run(run: StoredRun): ImageRunView {
    return {
      id: run.id,
      status: run.status,
      operation: run.operation,
      prompt: run.prompt,
      revisedPrompt: run.revisedPrompt,
      model: run.model,
      params: run.params,
      parentAssetIds: run.parents.map((p) => p.assetId),
      maskPath: run.mask?.relPath ?? null,
      responseId: run.responseId,
      usage: run.usage,
      costUsd: run.costUsd,
      error: run.error,
      images: run.imageIds.flatMap((id) => {
        const asset = this.deps.assets.get(id)
        return asset ? [stored(asset)] : []
      }),
      jobId: run.jobId,
      createdAt: run.createdAt
    }
  }

  /** A generated image with the newest run that made it, or null when it is not one (a photo). */
  item(assetId: string): GalleryItem | null {
    const asset = this.deps.assets.get(assetId)
    const run = asset ? this.deps.runs.forAsset(assetId) : null
    if (!asset || !run) return null
    const share = run.imageIds.length > 0 ? run.imageIds.length : 1
    return {
      ...stored(asset),
      thumbPath: asset.thumb.path,
      name: asset.name,
      runId: run.id,
      operation: run.operation,
      prompt: run.prompt,
      revisedPrompt: run.revisedPrompt,
      model: run.model,
      params: run.params,
      parentAssetId: run.parents[0]?.assetId ?? null,
      parentAssetIds: run.parents.map((p) => p.assetId),
      maskPath: run.mask?.relPath ?? null,
      responseId: run.responseId,
      usage: run.usage,
      // The request's cost shared by the images it made.
      costUsd: Math.round((run.costUsd / share) * 1e8) / 1e8,
      favourite: this.deps.runs.isFavourite(assetId),
      createdAt: run.createdAt
    }
  }

  requireItem(assetId: string): GalleryItem {
    const item = this.item(assetId)
    if (!item) throw new AppError('NOT_FOUND', `No generated image with id ${assetId}.`)
    return item
  }

  detail(assetId: string): GalleryDetail {
    const item = this.requireItem(assetId)
    const parents = item.parentAssetIds.flatMap((id): LineageAsset[] => {
      const asset = this.deps.assets.get(id)
      if (!asset) return []
      return [
        { assetId: id, name: asset.name, path: asset.path, thumbPath: asset.thumb.path, item: this.item(id) }
      ]
    })
    const children = this.deps.runs.childrenOf(assetId).flatMap((id) => this.item(id) ?? [])
    return { item, parents, children, chain: this.chain(item) }
  }

  /** The versions this one is part of: its sources back to the first, then what was made from it. */
  private chain(item: GalleryItem): GalleryItem[] {
    const up: GalleryItem[] = []
    const seen = new Set([item.assetId])
    for (let at = item; at.parentAssetId && !seen.has(at.parentAssetId);) {
      seen.add(at.parentAssetId)
      const parent = this.item(at.parentAssetId)
      if (!parent) break
      up.unshift(parent)
      at = parent
    }
    const down: GalleryItem[] = []
    const queue = [item.assetId]
    while (queue.length > 0 && down.length < MAX_CHAIN) {
      for (const id of this.deps.runs.childrenOf(queue.shift() as string)) {
        const child = seen.has(id) ? null : this.item(id)
        seen.add(id)
        if (child?.parentAssetId && seen.has(child.parentAssetId)) {
          down.push(child)
          queue.push(id)
        }
      }
    }
    return [...up, item, ...down.sort((a, b) => a.createdAt.localeCompare(b.createdAt))]
  }
}

function stored(asset: Asset): StoredImage {
  return {
    assetId: asset.id,
    path: asset.path,
    width: asset.width ?? 0,
    height: asset.height ?? 0,
    format:
      asset.metadata.format === 'jpg' ? 'jpeg' : (asset.metadata.format ?? asset.mime.replace('image/', ''))
  }
}
