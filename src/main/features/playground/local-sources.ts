import type { TranscriptionService } from '../audio/transcription-service'
import type { LibraryService } from '../library/library-service'
import type { VideoSummaryService } from '../video-summary/summary-service'
import type { KeyframeService } from '../video/keyframe-service'
import type { LocalSources } from './local-functions'

/** The local functions read other features' services, never their tables. */
export function localSources(services: {
  library: LibraryService
  transcription: TranscriptionService
  summaries: VideoSummaryService
  keyframes: KeyframeService
}): LocalSources {
  return {
    searchLibrary: (query, limit) =>
      services.library
        .list({ search: query, limit, offset: 0 })
        .items.map((a) => ({ id: a.id, name: a.name, kind: a.kind, durationS: a.durationS })),
    transcript: (assetId) => {
      const view = services.transcription.view(assetId)
      return view
        ? {
            text: view.text,
            segments: view.segments.map((s) => ({ start: s.start, end: s.end, text: s.text }))
          }
        : null
    },
    summary: (assetId) => services.summaries.get(assetId)?.summary ?? null,
    keyframes: (assetId) => services.keyframes.latest(assetId)?.frames ?? null
  }
}
