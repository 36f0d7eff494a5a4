import type { Asset, AssetKind, MediaMetadata } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import type { Db } from './database'
import { planSearch, searchSubquery } from './search-query'

export interface NewAsset {
  id: string
  kind: AssetKind
  name: string
  hash: string
  mime: string
  sizeBytes: number
  durationS: number | null
  width: number | null
  height: number | null
  metadata: MediaMetadata
  sourcePath: string | null
  createdAt: string
}

interface AssetRow {
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
  created_at: string
  rel_path: string
  thumb_rel: string | null
}

const SELECT_ASSET = `
  SELECT a.*, ob.rel_path AS rel_path, tb.rel_path AS thumb_rel
  FROM assets a
  JOIN blobs ob ON ob.hash = a.content_hash
  LEFT JOIN blobs tb ON tb.hash = a.thumb_hash`

export class AssetsRepo {
  constructor(private readonly db: Db) {}

  insert(asset: NewAsset): void {
    this.db
      .prepare(
        `INSERT INTO assets (id, kind, name, content_hash, mime, size_bytes, duration_s, width, height,
           metadata_json, source_path, created_at, updated_at)
         VALUES (@id, @kind, @name, @hash, @mime, @sizeBytes, @durationS, @width, @height,
           @metadataJson, @sourcePath, @createdAt, @createdAt)`
      )
      .run({ ...asset, metadataJson: JSON.stringify(asset.metadata) })
    this.addBlobRef(asset.hash, asset.id, 'original')
    this.indexAsset(asset.id, asset.name, searchBody(asset))
  }

  addBlobRef(hash: string, assetId: string, role: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO blob_refs (hash, asset_id, role) VALUES (?, ?, ?)')
      .run(hash, assetId, role)
  }

  /** The file an asset holds in this role (say, its playable copy), or null. */
  blobForRole(assetId: string, role: string): { hash: string; relPath: string } | null {
    const row = this.db
      .prepare(
        `SELECT b.hash AS hash, b.rel_path AS relPath FROM blob_refs r JOIN blobs b ON b.hash = r.hash
         WHERE r.asset_id = ? AND r.role = ? LIMIT 1`
      )
      .get(assetId, role) as { hash: string; relPath: string } | undefined
    return row ?? null
  }

  /** One search document per (asset, source); later pipelines add transcripts, captions and summaries. */
  upsertSearchDoc(assetId: string, source: string, title: string, body: string): void {
    const existing = this.db
      .prepare('SELECT id FROM search_docs WHERE asset_id = ? AND source = ?')
      .get(assetId, source) as { id: number } | undefined
    if (existing) {
      this.db
        .prepare('UPDATE search_fts SET title = ?, body = ? WHERE rowid = ?')
        .run(title, body, existing.id)
      return
    }
    const info = this.db
      .prepare('INSERT INTO search_docs (asset_id, source) VALUES (?, ?)')
      .run(assetId, source)
    this.db
      .prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)')
      .run(info.lastInsertRowid, title, body)
  }

  get(id: string): Asset | null {
    const row = this.db.prepare(`${SELECT_ASSET} WHERE a.id = ?`).get(id) as AssetRow | undefined
    return row ? toAsset(row) : null
  }

  /** The asset, or NOT_FOUND: what every service that is handed an id needs first. */
  require(id: string): Asset {
    const asset = this.get(id)
    if (!asset) throw new AppError('NOT_FOUND', `No asset with id ${id}.`)
    return asset
  }

  /** The asset if it is a video, else NOT_FOUND or MEDIA_NO_VIDEO. */
  requireVideo(id: string): Asset {
    const asset = this.require(id)
    if (asset.kind !== 'video') throw new AppError('MEDIA_NO_VIDEO', `${asset.name} is not a video.`)
    return asset
  }

  findByHash(hash: string): Asset | null {
    const row = this.db.prepare(`${SELECT_ASSET} WHERE a.content_hash = ?`).get(hash) as AssetRow | undefined
    return row ? toAsset(row) : null
  }

  list(query: { search?: string; kind?: AssetKind; limit: number; offset: number }): {
    items: Asset[]
    total: number
  } {
    const where: string[] = []
    const params: (string | number)[] = []
    if (query.kind) {
      where.push('a.kind = ?')
      params.push(query.kind)
    }
    const search = searchSubquery(planSearch(query.search))
    if (search) {
      where.push(`a.id IN (${search.sql})`)
      params.push(...search.params)
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    const total = this.db.prepare(`SELECT count(*) AS n FROM assets a ${clause}`).get(...params) as {
      n: number
    }
    const rows = this.db
      .prepare(`${SELECT_ASSET} ${clause} ORDER BY a.created_at DESC, a.rowid DESC LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as AssetRow[]
    return { items: rows.map(toAsset), total: total.n }
  }

  delete(ids: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM assets WHERE id = ?')
    return this.db.transaction(() => ids.reduce((sum, id) => sum + remove.run(id).changes, 0))()
  }

  rename(id: string, name: string): void {
    this.db
      .prepare('UPDATE assets SET name = ?, updated_at = ? WHERE id = ?')
      .run(name, new Date().toISOString(), id)
    const asset = this.get(id)
    if (asset) this.indexAsset(id, name, searchBody(asset))
  }

  setThumbnail(id: string, state: Asset['thumb']['state'], thumbHash: string | null): void {
    const { changes } = this.db
      .prepare('UPDATE assets SET thumb_state = ?, thumb_hash = ?, updated_at = ? WHERE id = ?')
      .run(state, thumbHash, new Date().toISOString(), id)
    if (thumbHash && changes > 0) this.addBlobRef(thumbHash, id, 'thumbnail')
  }

  private indexAsset(id: string, name: string, body: string): void {
    this.upsertSearchDoc(id, 'asset', name, body)
  }
}

function searchBody(asset: Pick<NewAsset, 'kind' | 'mime' | 'width' | 'height' | 'metadata'>): string {
  const m = asset.metadata
  const size = asset.width && asset.height ? `${asset.width}x${asset.height}` : ''
  return [asset.kind, asset.mime, size, m.container, m.videoCodec, m.audioCodec, m.format, m.title]
    .filter(Boolean)
    .join(' ')
}

function toAsset(row: AssetRow): Asset {
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
    createdAt: row.created_at
  }
}
