import type { MediaBinaries } from '../../platform/ffmpeg/binaries'
import type { FrameCandidate, FrameReason } from './frame-choice'
import type { DecodedFrame, ExtractOptions } from './frame-extract'
import type { KeyframeIndex } from './keyframe-index'
import type { ProbeResult } from '../probe'

/** A decoded frame that may be chosen, with the JPEG already written for it. */
export interface Candidate extends FrameCandidate {
  file: string
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
  progress: (stage: string, fraction: number) => void
}

/** Frames on the player's clock (the container's start offset removed). */
export function toCandidates(ctx: KeyframeContext, frames: DecodedFrame[], reason: FrameReason): Candidate[] {
  return frames.map((f) => ({
    t: Math.max(0, f.pts - ctx.probe.startTime),
    signature: f.signature,
    reason,
    file: f.file
  }))
}
