import { z } from 'zod'
import { FrameSet, KeyframeOptions } from '../domain/frames'
import {
  ChatTurn,
  CostEstimate,
  ExportedFile,
  ExportFormat,
  SummaryOptions,
  VideoAnalysis
} from '../domain/video'
import { route } from './define'

const AssetRef = z.object({ assetId: z.string().min(1) })

export const videoRoutes = {
  /** The newest keyframe set of a video, or the one chosen with these options when they are given. */
  'video.frames': route({
    input: AssetRef.extend({ options: KeyframeOptions.optional() }),
    output: FrameSet.nullable()
  }),
  /** The playable copy of a video this window cannot decode, if made (path relative to the library). */
  'video.playable': route({
    input: AssetRef,
    output: z.object({ path: z.string().nullable(), needed: z.boolean() })
  }),
  /** Starts making that copy; `jobId` is null when it exists already. */
  'video.makePlayable': route({ input: AssetRef, output: z.object({ jobId: z.string().nullable() }) }),
  'video.keyframes': route({
    input: KeyframeOptions.extend({ assetId: z.string().min(1), force: z.boolean().default(false) }),
    output: z.object({ jobId: z.string() })
  }),
  /** Starts the summary job, or answers `cached` when the library already holds this result. */
  'video.summarize': route({
    input: AssetRef.extend({
      options: SummaryOptions.default(SummaryOptions.parse({})),
      force: z.boolean().default(false)
    }),
    output: z.object({ jobId: z.string().nullable(), cached: z.boolean() })
  }),
  'video.estimate': route({
    input: AssetRef.extend({ options: SummaryOptions.default(SummaryOptions.parse({})) }),
    output: CostEstimate
  }),
  'video.analysis': route({ input: AssetRef, output: VideoAnalysis.nullable() }),
  'video.export': route({ input: AssetRef.extend({ format: ExportFormat }), output: ExportedFile }),
  'video.ask': route({
    input: AssetRef.extend({ question: z.string().trim().min(1).max(4000) }),
    output: z.array(ChatTurn)
  }),
  'video.conversation': route({ input: AssetRef, output: z.array(ChatTurn) }),
  'video.conversation.clear': route({ input: AssetRef, output: z.null() })
}
