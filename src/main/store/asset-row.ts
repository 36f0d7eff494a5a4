import type { Asset, AssetKind, MediaMetadata } from '@shared/domain/asset'
import { errorCodeOf } from '@shared/errors'

/** An assets row with the paths of its original and thumbnail blobs (SELECT_ASSET's columns). */
export interface AssetRow {
  id: string
  kind: AssetKind
  name: string
  content_hash: string
  mime: string
  size_bytes: number
  duration_s: number | null
  width: number | null
  height: number | null
  metadata_json: string
  thumb_state: Asset['thumb']['state']
  source_path: string | null
  problem_json: string | null
  created_at: string
  rel_path: string
  thumb_rel: string | null
}

/** The asset columns and blob paths; callers add FROM-clause joins after `a`, then WHERE. */
export const ASSET_COLUMNS = `a.*, ob.rel_path AS rel_path, tb.rel_path AS thumb_rel`
export const ASSET_BLOBS = `JOIN blobs ob ON ob.hash = a.content_hash LEFT JOIN blobs tb ON tb.hash = a.thumb_hash`
export const SELECT_ASSET = `SELECT ${ASSET_COLUMNS} FROM assets a ${ASSET_BLOBS}`

/** The line of facts the search index holds for an asset besides its name. */
export function searchBody(asset: {
  kind: AssetKind
  mime: string
  width: number | null
  height: number | null
  metadata: MediaMetadata
}): string {
  const m = asset.metadata
  const size = asset.width && asset.height ? `${asset.width}x${asset.height}` : ''
  return [asset.kind, asset.mime, size, m.container, m.videoCodec, m.audioCodec, m.format, m.title]
    .filter(Boolean)
    .join(' ')
}

export function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    hash: row.content_hash,
    path: row.rel_path,
    mime: row.mime,
    sizeBytes: row.size_bytes,
    durationS: row.duration_s,
    width: row.width,
    height: row.height,
    metadata: JSON.parse(row.metadata_json) as MediaMetadata,
    thumb: { state: row.thumb_state, path: row.thumb_rel },
    sourcePath: row.source_path,
    problem: readProblem(row.problem_json),
    createdAt: row.created_at
  }
}

function readProblem(json: string | null): Asset['problem'] {
  if (!json) return null
  const raw = JSON.parse(json) as { code?: unknown; message?: unknown }
  return { code: errorCodeOf(raw.code, 'MEDIA_CORRUPT'), message: String(raw.message ?? '') }
}
