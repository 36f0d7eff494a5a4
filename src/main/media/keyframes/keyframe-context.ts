import type { JobStage } from '@shared/domain/job'
import { AppError } from '@shared/errors'
import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import type { FrameCandidate, FrameReason } from './frame-choice'
import type { KeptPicture } from './frame-encode'
import type { DecodedFrame, ExtractOptions } from './frame-extract'
import { readKeyframeIndex, type KeyframeIndex } from './keyframe-index'
import { probeMedia, type ProbeResult } from '../probe'

/** The steps of keyframe selection, as a job reports them. */
export type KeyframeStage = Extract<
  JobStage,
  'reading-index' | 'decoding' | 'decoding-keyframes' | 'finding-cuts' | 'filling-gaps' | 'storing-frames'
>

/** A decoded frame that may be chosen, with its picture kept until then. */
export interface Candidate extends FrameCandidate {
  picture: KeptPicture
}

/** What every keyframe-selection pass needs to know about the video being read. */
export interface KeyframeContext {
  binaries: MediaBinaries
  file: string
  index: KeyframeIndex
  probe: ProbeResult
  durationS: number
  maxFrames: number
  extract: ExtractOptions
  progress: (stage: KeyframeStage, fraction: number) => void
}

/** Frames on the player's clock (the container's start offset removed). */
export function toCandidates(ctx: KeyframeContext, frames: DecodedFrame[], reason: FrameReason): Candidate[] {
  return frames.map((f) => ({
    t: Math.max(0, f.pts - ctx.probe.startTime),
    signature: f.signature,
    reason,
    picture: f.picture
  }))
}

/** What a selection reads before it decodes anything: the container header and the packet index. */
export interface KeyframeSource {
  probe: ProbeResult
  index: KeyframeIndex
}

/** The parts of the source not already known, read at the same time; a file without video fails. */
export async function readSource(
  binaries: MediaBinaries,
  file: string,
  known: Partial<KeyframeSource>,
  signal?: AbortSignal
): Promise<KeyframeSource> {
  const indexing = known.index ? Promise.resolve(known.index) : readKeyframeIndex(binaries, file, { signal })
  indexing.catch(() => undefined)
  try {
    const probe = known.probe ?? (await probeMedia(binaries, file, { signal }))
    if (!probe.video) {
      throw new AppError('MEDIA_NO_VIDEO', 'This file has no video stream, so it has no frames to select.')
    }
    return { probe, index: await indexing }
  } catch (error) {
    await indexing.catch(() => undefined)
    throw error
  }
}
