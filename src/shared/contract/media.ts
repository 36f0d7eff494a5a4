import { z } from 'zod'
import { ProbeReport } from '../domain/probe'
import { route } from './define'

export const mediaRoutes = {
  /** Describes a file on disk without importing it: streams, codecs, rotation, keyframe index. */
  'media.probe': route({ input: z.object({ path: z.string().min(1).max(4096) }), output: ProbeReport })
}
