import { resolveMediaBinaries, type MediaBinaries } from './binaries'
import { CapabilityCache } from './capabilities'
import { ffmpegFeatures } from './features'

/**
 * Resolves ffmpeg/ffprobe once and again only when the user changes their paths. What the binaries
 * can do comes from the capability cache, so a command starts no process to learn it twice.
 */
export class MediaTools {
  private cached: Promise<MediaBinaries> | null = null
  private key = ''
  private readonly capabilities: CapabilityCache

  constructor(
    private readonly deps: {
      paths: () => { ffmpegPath: string; ffprobePath: string }
      env: NodeJS.ProcessEnv
      /** Where the capability cache lives (null: this process only). */
      capabilitiesFile?: string | null
    }
  ) {
    this.capabilities = new CapabilityCache(deps.capabilitiesFile ?? null)
  }

  binaries(): Promise<MediaBinaries> {
    const { ffmpegPath, ffprobePath } = this.deps.paths()
    const key = `${ffmpegPath}\u0000${ffprobePath}`
    if (!this.cached || key !== this.key) {
      this.key = key
      this.cached = this.resolve(ffmpegPath, ffprobePath)
    }
    return this.cached
  }

  private async resolve(ffmpegPath: string, ffprobePath: string): Promise<MediaBinaries> {
    const binaries = await resolveMediaBinaries({
      ffmpegSetting: ffmpegPath || undefined,
      ffprobeSetting: ffprobePath || undefined,
      env: this.deps.env,
      capabilities: this.capabilities
    })
    const { ffmpeg } = binaries
    if (!ffmpeg.ok || !ffmpeg.path) return binaries
    return {
      ...binaries,
      ffmpeg: { ...ffmpeg, features: await ffmpegFeatures(ffmpeg.path, this.capabilities) }
    }
  }
}
