import type { CoreDeps, HandlerSlice } from '../feature'
import type { MediaFactsRepo } from '../library/media-facts-repo'
import { FramesRepo } from './frames-repo'
import { KeyframeService } from './keyframe-service'
import { keyframesJobKind } from './keyframes-job'
import { playableJobKind } from './playable-job'
import { PlayableService } from './playable-service'
import { VideoService } from './video-service'

export interface VideoFeatureDeps extends CoreDeps {
  mediaFacts: MediaFactsRepo
}

/** Keyframes of library videos and playable copies of the ones this window cannot decode. */
export function videoFeature(deps: VideoFeatureDeps) {
  const { db, assets, blobs, media, jobs, bus, paths, mediaFacts } = deps
  const frames = new FramesRepo(db)
  const keyframes = new KeyframeService({
    db,
    assets,
    frames,
    blobs,
    media,
    mediaFacts,
    tmpDir: paths.tmpDir
  })
  jobs.register(keyframesJobKind({ keyframes, bus }))
  const playable = new PlayableService({ db, assets, blobs, media, jobs, tmpDir: paths.tmpDir })
  jobs.register(playableJobKind({ playable, bus }))
  const video = new VideoService({ assets, jobs, keyframes })
  const handlers: HandlerSlice<'video.frames' | 'video.keyframes' | 'video.playable' | 'video.makePlayable'> =
    {
      'video.frames': ({ assetId, options }) => keyframes.find(assetId, options),
      'video.keyframes': ({ assetId, force, ...options }) => video.startKeyframes(assetId, options, force),
      'video.playable': ({ assetId }) => playable.get(assetId),
      'video.makePlayable': ({ assetId }) => playable.start(assetId)
    }
  return { services: { keyframes, playable, video }, handlers }
}
