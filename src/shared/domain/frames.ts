import { z } from 'zod'

export const FrameReason = z.enum(['keyframe', 'scene', 'sample', 'fill'])

export const Frame = z.object({
  t: z.number(),
  /** Stored JPEG, relative to the file store. */
  path: z.string(),
  thumbPath: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  reason: FrameReason
})
export type Frame = z.infer<typeof Frame>

export const FrameSet = z.object({
  id: z.string(),
  assetId: z.string(),
  strategy: z.string(),
  strategyReason: z.string(),
  durationS: z.number(),
  elapsedMs: z.number(),
  maxFrames: z.number().int(),
  frames: z.array(Frame),
  createdAt: z.string()
})
export type FrameSet = z.infer<typeof FrameSet>

export const KeyframeOptions = z.object({
  maxFrames: z.number().int().min(1).max(500).default(32),
  maxSize: z.number().int().min(128).max(4096).default(1024)
})
export type KeyframeOptions = z.infer<typeof KeyframeOptions>
