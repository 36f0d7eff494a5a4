import type { KeyframeStage } from '../../media/keyframes/keyframe-context'
import { randomUUID } from 'node:crypto'
import type { FrameSet, KeyframeOptions } from '@shared/domain/frames'
import type { Db } from '../../store/database'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore, StoredBlob } from '../../store/blob-store'
import type { FramesRepo, NewFrame } from './frames-repo'
import { hashToHex } from '../../media/keyframes/phash'
import type { KeyframeSource } from '../../media/keyframes/keyframe-context'
import { selectKeyframes, type SelectedFrame } from '../../media/keyframes/keyframes'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { MediaFactsRepo } from '../library/media-facts-repo'
import { lazyModule } from '../../platform/lazy-module'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

/** Bump when the selection algorithm changes, so cached sets are recomputed. */
export const KEYFRAME_VERSION = 2
const FRAME_THUMB = 240

export interface KeyframeServiceDeps {
  db: Db
  assets: AssetsRepo
  frames: FramesRepo
  blobs: BlobStore
  media: MediaTools
  mediaFacts: MediaFactsRepo
  tmpDir: string
}

export class KeyframeService {
  constructor(private readonly deps: KeyframeServiceDeps) {}

  optionsKey(options: KeyframeOptions): string {
    return JSON.stringify({ v: KEYFRAME_VERSION, maxFrames: options.maxFrames, maxSize: options.maxSize })
  }

  cached(assetId: string, options: KeyframeOptions): FrameSet | null {
    return this.deps.frames.find(assetId, this.optionsKey(options))
  }

  /** The set chosen with these options, or the newest set when none are given. */
  find(assetId: string, options?: KeyframeOptions): FrameSet | null {
    return options ? this.cached(assetId, options) : this.latest(assetId)
  }

  latest(assetId: string): FrameSet | null {
    return this.deps.frames.latestFor(assetId)
  }

  /** Selects frames for a library video and stores them (JPEG + small WebP) in the file store. */
  async extract(
    assetId: string,
    options: KeyframeOptions,
    run: { signal?: AbortSignal; progress?: (stage: KeyframeStage, fraction: number) => void } = {}
  ): Promise<FrameSet> {
    const asset = this.deps.assets.requireVideo(assetId)
    const known = this.knownSource(assetId)
    const result = await selectKeyframes(
      await this.deps.media.binaries(),
      this.deps.blobs.absolutePath(asset.path),
      {
        maxFrames: options.maxFrames,
        maxSize: options.maxSize,
        tmpDir: this.deps.tmpDir,
        signal: run.signal,
        onProgress: run.progress,
        known
      }
    )
    if (!known.probe) this.deps.mediaFacts.setProbe(assetId, result.source.probe)
    if (!known.index) this.deps.mediaFacts.setPacketIndex(assetId, result.source.index)
    const stored = await Promise.all(result.frames.map((frame) => this.storeFrame(frame)))
    const id = randomUUID()
    try {
      this.deps.db.transaction(() => {
        const now = new Date().toISOString()
        for (const s of stored) {
          this.deps.blobs.register(s.image, now)
          this.deps.blobs.register(s.thumb, now)
        }
        this.deps.frames.insert(
          {
            id,
            assetId,
            optionsKey: this.optionsKey(options),
            strategy: result.strategy,
            strategyReason: result.strategyReason,
            durationS: result.durationS,
            elapsedMs: result.elapsedMs,
            createdAt: now
          },
          stored.map((s) => s.row)
        )
      })()
    } finally {
      for (const s of stored) {
        this.deps.blobs.release(s.image.hash)
        this.deps.blobs.release(s.thumb.hash)
      }
    }
    await this.deps.blobs.collectGarbage()
    return this.cached(assetId, options) as FrameSet
  }

  /** The probe stored at import and the packet index stored by the first selection, when there are. */
  private knownSource(assetId: string): Partial<KeyframeSource> {
    const { mediaFacts } = this.deps
    return {
      probe: mediaFacts.probe(assetId) ?? undefined,
      index: mediaFacts.packetIndex(assetId) ?? undefined
    }
  }

  private async storeFrame(
    frame: SelectedFrame
  ): Promise<{ image: StoredBlob; thumb: StoredBlob; row: NewFrame }> {
    const image = await this.deps.blobs.ingestBuffer(frame.jpeg, 'jpg')
    const small = await sharp()(frame.jpeg)
      .resize(FRAME_THUMB, FRAME_THUMB, { fit: 'inside' })
      .webp({ quality: 75 })
      .toBuffer()
    const thumb = await this.deps.blobs.ingestBuffer(small, 'webp')
    const row: NewFrame = {
      t: Math.round(frame.t * 1000) / 1000,
      width: frame.width,
      height: frame.height,
      reason: frame.reason,
      blobHash: image.hash,
      thumbHash: thumb.hash,
      phash: hashToHex(frame.hash)
    }
    return { image, thumb, row }
  }
}
