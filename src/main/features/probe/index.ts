import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { HandlerSlice } from '../feature'
import { ProbeService } from './probe-service'

/** Describing a file on disk without importing it (`framewise probe`). */
export function probeFeature(deps: { media: MediaTools }) {
  const prober = new ProbeService(deps)
  const handlers: HandlerSlice<'media.probe'> = { 'media.probe': ({ path }) => prober.describe(path) }
  return { handlers }
}
