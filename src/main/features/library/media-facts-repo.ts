import { packIndex, unpackIndex, type KeyframeIndex } from '../../media/keyframes/keyframe-index'
import type { ProbeResult } from '../../media/probe'
import type { Db } from '../../store/database'

/** A source file as the file system describes it when it is imported. */
export interface SourceStat {
  path: string
  size: number
  mtimeMs: number
}

/**
 * What was learnt once about a file and need not be asked again (docs/adr/010-fast-start.md): an
 * asset's probe (at import) and packet index (at its first keyframe selection), and the content
 * hash of a source path at a given size and mtime. Asset rows go with their asset.
 */
export class MediaFactsRepo {
  constructor(private readonly db: Db) {}

  probe(assetId: string): ProbeResult | null {
    const row = this.db.prepare('SELECT probe_json FROM asset_media WHERE asset_id = ?').get(assetId) as
      { probe_json: string | null } | undefined
    return row?.probe_json ? (JSON.parse(row.probe_json) as ProbeResult) : null
  }

  setProbe(assetId: string, probe: ProbeResult): void {
    this.db
      .prepare(
        `INSERT INTO asset_media (asset_id, probe_json) VALUES (?, ?)
         ON CONFLICT (asset_id) DO UPDATE SET probe_json = excluded.probe_json`
      )
      .run(assetId, JSON.stringify(probe))
  }

  /** The stored packet index, or null when there is none (or it is from an older layout). */
  packetIndex(assetId: string): KeyframeIndex | null {
    const row = this.db.prepare('SELECT packet_index FROM asset_media WHERE asset_id = ?').get(assetId) as
      { packet_index: Buffer | null } | undefined
    return row?.packet_index ? unpackIndex(row.packet_index) : null
  }

  setPacketIndex(assetId: string, index: KeyframeIndex): void {
    this.db
      .prepare(
        `INSERT INTO asset_media (asset_id, packet_index) VALUES (?, ?)
         ON CONFLICT (asset_id) DO UPDATE SET packet_index = excluded.packet_index`
      )
      .run(assetId, packIndex(index))
  }

  /** The content hash this path had when it was imported at exactly this size and mtime. */
  sourceHash(source: SourceStat): string | null {
    const row = this.db
      .prepare('SELECT content_hash FROM import_sources WHERE path = ? AND size_bytes = ? AND mtime_ms = ?')
      .get(source.path, source.size, source.mtimeMs) as { content_hash: string } | undefined
    return row?.content_hash ?? null
  }

  rememberSource(source: SourceStat, hash: string): void {
    this.db
      .prepare(
        `INSERT INTO import_sources (path, size_bytes, mtime_ms, content_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms,
           content_hash = excluded.content_hash`
      )
      .run(source.path, source.size, source.mtimeMs, hash)
  }
}
