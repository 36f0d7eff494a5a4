import { existsSync } from 'node:fs'
import type { Asset } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import { prepareAudio } from '../../media/audio/audio-prep'
import { extensionOf } from '../../media/file-kind'
import { withTempDir } from '../../platform/ffmpeg/ffmpeg'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore, StoredBlob } from '../../store/blob-store'
import type { Db } from '../../store/database'

/** Bumped when the preparation changes (rate, codec, cut rules): older pieces are then made again. */
export const PREP_VERSION = 1
/** blob_refs role of a prepared piece: it lives as long as its asset. */
export const PIECE_ROLE = 'audio-piece'

export interface PreparedPiece {
  hash: string
  relPath: string
  startS: number
  durationS: number
  bytes: number
}

export interface Prepared {
  durationS: number
  codec: string
  pieces: PreparedPiece[]
  /** Linear peaks 0..1 spread evenly over the file (silent pieces are found from them). */
  peaks: number[]
}

interface Row {
  duration_s: number
  codec: string
  pieces_json: string
  peaks_json: string
}

export interface PreparedAudioDeps {
  db: Db
  assets: AssetsRepo
  blobs: BlobStore
  media: MediaTools
  tmpDir: string
}

/**
 * An asset's audio made ready for transcription (16 kHz mono, cut at silences under the API's
 * caps), kept in the file store: a resumed or repeated transcription prepares nothing again.
 */
export class PreparedAudioCache {
  constructor(private readonly deps: PreparedAudioDeps) {}

  /** The stored pieces when all their files are still there, else a fresh preparation. */
  async get(
    asset: Asset,
    options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
  ): Promise<{ prepared: Prepared; reused: boolean }> {
    const stored = this.stored(asset.id)
    if (stored && stored.pieces.every((p) => existsSync(this.file(p))))
      return { prepared: stored, reused: true }
    if (asset.kind === 'image') throw new AppError('MEDIA_NO_AUDIO', `${asset.name} is an image.`)
    return { prepared: await this.prepare(asset, options), reused: false }
  }

  file(piece: PreparedPiece): string {
    return this.deps.blobs.absolutePath(piece.relPath)
  }

  stored(assetId: string): Prepared | null {
    const row = this.deps.db
      .prepare(
        'SELECT duration_s, codec, pieces_json, peaks_json FROM audio_preps WHERE asset_id = ? AND version = ?'
      )
      .get(assetId, PREP_VERSION) as Row | undefined
    if (!row) return null
    return {
      durationS: row.duration_s,
      codec: row.codec,
      pieces: JSON.parse(row.pieces_json) as PreparedPiece[],
      peaks: JSON.parse(row.peaks_json) as number[]
    }
  }

  private async prepare(
    asset: Asset,
    options: { signal?: AbortSignal; onProgress?: (fraction: number) => void }
  ): Promise<Prepared> {
    const { blobs } = this.deps
    return withTempDir(this.deps.tmpDir, async (dir) => {
      const made = await prepareAudio(await this.deps.media.binaries(), blobs.absolutePath(asset.path), {
        workDir: dir,
        signal: options.signal,
        onProgress: (f) => options.onProgress?.(f * 0.9)
      }).catch((error: unknown) => {
        // The file says it holds sound, but none of it decodes: it is damaged.
        if (error instanceof AppError && error.code === 'MEDIA_DECODE_FAILED')
          throw new AppError('MEDIA_CORRUPT', `${asset.name} is damaged: ${error.message}`, error.details)
        throw error
      })
      const kept: StoredBlob[] = []
      try {
        for (const piece of made.pieces)
          kept.push(await blobs.ingestFile(piece.file, extensionOf(piece.file)))
        const prepared: Prepared = {
          durationS: made.durationS,
          codec: made.codec,
          peaks: made.peaks,
          pieces: made.pieces.map((piece, i) => {
            const blob = kept[i] as StoredBlob
            return {
              hash: blob.hash,
              relPath: blob.relPath,
              startS: piece.startS,
              durationS: piece.durationS,
              bytes: piece.bytes
            }
          })
        }
        this.remember(asset.id, prepared, kept)
        options.onProgress?.(1)
        return prepared
      } finally {
        for (const blob of kept) blobs.release(blob.hash)
      }
    })
  }

  private remember(assetId: string, prepared: Prepared, blobs: StoredBlob[]): void {
    const now = new Date().toISOString()
    this.deps.db.transaction(() => {
      for (const blob of blobs) {
        this.deps.blobs.register(blob, now)
        this.deps.assets.addBlobRef(blob.hash, assetId, PIECE_ROLE)
      }
      this.deps.db
        .prepare(
          `INSERT OR REPLACE INTO audio_preps (asset_id, version, duration_s, codec, pieces_json, peaks_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          assetId,
          PREP_VERSION,
          prepared.durationS,
          prepared.codec,
          JSON.stringify(prepared.pieces),
          JSON.stringify(prepared.peaks),
          now
        )
    })()
  }
}
