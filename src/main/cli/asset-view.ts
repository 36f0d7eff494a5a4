import type { Asset } from '@shared/domain/asset'
import type { CommandContext } from './context'
import { formatBytes, formatDuration } from './output'

export type CliAsset = Asset & { file: string; thumbnailFile: string | null }

/** Assets as the CLI prints them: with absolute paths of the stored file and its thumbnail. */
export function toCliAsset(ctx: Pick<CommandContext, 'libraryFile'>, asset: Asset): CliAsset {
  return {
    ...asset,
    file: ctx.libraryFile(asset.path),
    thumbnailFile: asset.thumb.path ? ctx.libraryFile(asset.thumb.path) : null
  }
}

export function assetLine(asset: Asset): string {
  const size = asset.width && asset.height ? `${asset.width}×${asset.height}` : ''
  return [
    asset.kind.padEnd(5),
    asset.name,
    size,
    formatDuration(asset.durationS),
    formatBytes(asset.sizeBytes)
  ]
    .filter(Boolean)
    .join('  ')
}
