import { randomUUID } from 'node:crypto'
import { stat, statfs } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { Asset, AssetKind, MediaMetadata } from '@shared/domain/asset'
import { AppError } from '@shared/errors'
import type { Db } from '../../store/database'
import type { AssetsRepo, NewAsset } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import { extensionOf, kindFromName, sniffFile } from '../../media/file-kind'
import { readImageInfo } from '../../media/image/image-info'
import { probeMedia, type ProbeResult } from '../../media/probe'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { MediaFactsRepo, SourceStat } from './media-facts-repo'

export interface ImportedFile {
  asset: Asset
  duplicate: boolean
}

type Described = Omit<NewAsset, 'id' | 'hash' | 'sizeBytes' | 'createdAt' | 'sourcePath' | 'name'> & {
  /** Kept with the asset, so keyframe selection does not probe the file again. */
  probe: ProbeResult | null
}

// Leave room for the database, thumbnails and the OS after copying a file in.
const DISK_HEADROOM_BYTES = 64 * 1024 * 1024

export interface ImporterDeps {
  db: Db
  assets: AssetsRepo
  blobs: BlobStore
  media: MediaTools
  facts: MediaFactsRepo
  dataDir: string
}

/** Brings one file into the library: check, describe, copy (hashing as it goes), then one transaction. */
export class Importer {
  constructor(private readonly deps: ImporterDeps) {}

  async importFile(
    path: string,
    /** `uploaded`: a copy the web UI staged; its temporary path is not where the file came from. */
    options: { signal?: AbortSignal; name?: string; uploaded?: boolean } = {}
  ): Promise<ImportedFile> {
    const info = await stat(path)
    if (!info.isFile()) throw new AppError('FILE_UNREADABLE', `${basename(path)} is not a regular file.`)
    const guess = kindFromName(path)
    if (!guess) {
      throw new AppError(
        'MEDIA_UNSUPPORTED',
        `Files of type “.${extensionOf(path) || '?'}” are not video, image or audio.`
      )
    }
    const source: SourceStat = { path: resolve(path), size: info.size, mtimeMs: info.mtimeMs }
    const known = this.knownSource(source)
    if (known) return { asset: known, duplicate: true }
    await sniffFile(path, info.size)
    const described = await this.describe(path, guess.kind, guess.mime, options.signal)
    await this.assertDiskSpace(info.size)
    const blob = await this.deps.blobs.ingestFile(path, extensionOf(path), options.signal)
    try {
      const origin = { path: options.uploaded ? null : path, name: options.name ?? basename(path), source }
      return this.commit(blob, described, origin)
    } finally {
      this.deps.blobs.release(blob.hash)
    }
  }

  /**
   * The asset this path was imported as, when the file still has the size and mtime it had then:
   * re-importing a big video neither reads nor probes it again. A file rewritten in place with the
   * same size and mtime (rare: `touch -r`, some sync tools) keeps its old hash; hashing every import
   * again would cost a full read of the file.
   */
  private knownSource(source: SourceStat): Asset | null {
    const hash = this.deps.facts.sourceHash(source)
    return hash ? this.deps.assets.findByHash(hash) : null
  }

  private commit(
    blob: { hash: string; relPath: string; size: number },
    { probe, ...described }: Described,
    origin: { path: string | null; name: string; source: SourceStat }
  ): ImportedFile {
    return this.deps.db.transaction((): ImportedFile => {
      if (origin.path) this.deps.facts.rememberSource(origin.source, blob.hash)
      const existing = this.deps.assets.findByHash(blob.hash)
      if (existing) return { asset: existing, duplicate: true }
      const now = new Date().toISOString()
      const id = randomUUID()
      this.deps.blobs.register(blob, now)
      this.deps.assets.insert({
        ...described,
        id,
        name: origin.name,
        hash: blob.hash,
        sizeBytes: blob.size,
        sourcePath: origin.path,
        createdAt: now
      })
      if (probe) this.deps.facts.setProbe(id, probe)
      return { asset: this.deps.assets.get(id) as Asset, duplicate: false }
    })()
  }

  private async describe(
    path: string,
    kind: AssetKind,
    mime: string,
    signal?: AbortSignal
  ): Promise<Described> {
    if (kind === 'image') {
      const image = await readImageInfo(path)
      const metadata: MediaMetadata = {
        format: image.format,
        colorSpace: image.colorSpace,
        bitDepth: image.bitDepth,
        hasAlpha: image.hasAlpha,
        orientation: image.orientation,
        pages: image.pages,
        hasProfile: image.hasProfile
      }
      const size = { width: image.displayWidth, height: image.displayHeight }
      return { kind, mime, durationS: null, ...size, metadata, probe: null }
    }
    const probe = await probeMedia(await this.deps.media.binaries(), path, { signal })
    const video = probe.video
    const actualKind: AssetKind = video ? kind : 'audio'
    const metadata: MediaMetadata = {
      container: probe.container,
      hasVideo: Boolean(video),
      hasAudio: Boolean(probe.audio),
      ...(video && {
        videoCodec: video.codec,
        rotation: video.rotation,
        variableFrameRate: video.variableFrameRate
      }),
      ...(video?.avgFps && { fps: Math.round(video.avgFps * 1000) / 1000 }),
      ...(probe.audio && { audioCodec: probe.audio.codec }),
      ...(probe.audio?.sampleRate && { sampleRate: probe.audio.sampleRate }),
      ...(probe.audio?.channels && { channels: probe.audio.channels }),
      ...(probe.bitrate && { bitrate: probe.bitrate }),
      ...(probe.title && { title: probe.title })
    }
    return {
      kind: actualKind,
      mime: actualKind === kind ? mime : mime.replace(/^video\//, 'audio/'),
      durationS: probe.durationS,
      width: video?.displayWidth ?? null,
      height: video?.displayHeight ?? null,
      metadata,
      probe
    }
  }

  private async assertDiskSpace(needed: number): Promise<void> {
    try {
      const fs = await statfs(this.deps.dataDir)
      const free = fs.bavail * fs.bsize
      if (needed + DISK_HEADROOM_BYTES > free) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `Not enough free disk space to copy this file into the library (${formatGb(needed)} needed, ${formatGb(free)} free).`
        )
      }
    } catch (error) {
      if (error instanceof AppError) throw error
    }
  }
}

function formatGb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}
