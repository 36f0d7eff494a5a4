import type { ProbeReport } from '@shared/domain/probe'
import { readKeyframeIndex } from '../../media/keyframes/keyframe-index'
import { probeMedia } from '../../media/probe'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'

export class ProbeService {
  constructor(private readonly deps: { media: MediaTools }) {}

  async describe(path: string): Promise<ProbeReport> {
    const binaries = await this.deps.media.binaries()
    const probe = await probeMedia(binaries, path)
    const index = probe.video ? await readKeyframeIndex(binaries, path) : null
    const count = index?.keyframeTimes.length ?? 0
    const keyframes = index && {
      count,
      packets: index.count,
      meanGopS: probe.durationS ? Math.round((probe.durationS / Math.max(1, count)) * 1000) / 1000 : null,
      times: index.keyframeTimes.map((t) => Math.round((t - probe.startTime) * 1000) / 1000)
    }
    return { ...probe, keyframes }
  }
}
