import type { Asset, AssetKind, MediaMetadata } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import { listAssets, type AssetPage, type ListQuery } from './asset-list'
import { searchBody, SELECT_ASSET, toAsset, type AssetRow } from './asset-row'
import type { Db } from './database'

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
    // Its search row's id grows with imports: search results page newest first by it (ADR 013).
    this.db
      .prepare('INSERT INTO search_rows (asset_id, kind, name, metadata) VALUES (?, ?, ?, ?)')
      .run(asset.id, asset.kind, asset.name, searchBody(asset))
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

  /**
   * The text one source (a transcript, a summary, captions) adds to an asset's search row; writing
   * a source again replaces its text.
   */
  upsertSearchDoc(assetId: string, source: string, title: string, body: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO search_docs (asset_id, source, title, body) VALUES (?, ?, ?, ?)
           ON CONFLICT (asset_id, source) DO UPDATE SET title = excluded.title, body = excluded.body`
        )
        .run(assetId, source, title, body)
      this.db
        .prepare(
          `UPDATE search_rows SET text = (
             SELECT group_concat(d.title || char(10) || d.body, char(10) ORDER BY d.source)
             FROM search_docs d WHERE d.asset_id = search_rows.asset_id)
           WHERE asset_id = ?`
        )
        .run(assetId)
    })()
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

  /** A page of the library, newest first or by search (ADR 013), with the cursor of the next one. */
  list(query: ListQuery): AssetPage {
    return listAssets(this.db, query)
  }

  delete(ids: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM assets WHERE id = ?')
    return this.db.transaction(() => ids.reduce((sum, id) => sum + remove.run(id).changes, 0))()
  }

  rename(id: string, name: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE assets SET name = ?, updated_at = ? WHERE id = ?')
        .run(name, new Date().toISOString(), id)
      this.db.prepare('UPDATE search_rows SET name = ? WHERE asset_id = ?').run(name, id)
    })()
  }

  /** Records (or clears) why the file could not be read for its preview. */
  setProblem(id: string, problem: { code: string; message: string } | null): void {
    this.db
      .prepare('UPDATE assets SET problem_json = ?, updated_at = ? WHERE id = ?')
      .run(problem ? JSON.stringify(problem) : null, new Date().toISOString(), id)
  }

  setThumbnail(id: string, state: Asset['thumb']['state'], thumbHash: string | null): void {
    const { changes } = this.db
      .prepare('UPDATE assets SET thumb_state = ?, thumb_hash = ?, updated_at = ? WHERE id = ?')
      .run(state, thumbHash, new Date().toISOString(), id)
    if (thumbHash && changes > 0) this.addBlobRef(thumbHash, id, 'thumbnail')
  }
}
