import { resolveMediaBinaries, type MediaBinaries } from './binaries'

/** Resolves ffmpeg/ffprobe once and again only when the user changes their paths. */
export class MediaTools {
  private cached: Promise<MediaBinaries> | null = null
  private key = ''

  constructor(
    private readonly deps: {
      paths: () => { ffmpegPath: string; ffprobePath: string }
      env: NodeJS.ProcessEnv
    }
  ) {}

  binaries(): Promise<MediaBinaries> {
    const { ffmpegPath, ffprobePath } = this.deps.paths()
    const key = `${ffmpegPath}\u0000${ffprobePath}`
    if (!this.cached || key !== this.key) {
      this.key = key
      this.cached = resolveMediaBinaries({
        ffmpegSetting: ffmpegPath || undefined,
        ffprobeSetting: ffprobePath || undefined,
        env: this.deps.env
      })
    }
    return this.cached
  }
}
