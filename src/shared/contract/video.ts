import { z } from 'zod'
import { FrameSet, KeyframeOptions } from '../domain/frames'
import { route } from './define'

export const videoRoutes = {
  'video.frames': route({ input: z.object({ assetId: z.string().min(1) }), output: FrameSet.nullable() }),
  'video.keyframes': route({
    input: KeyframeOptions.extend({ assetId: z.string().min(1), force: z.boolean().default(false) }),
    output: z.object({ jobId: z.string() })
  })
}
