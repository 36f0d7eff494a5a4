import type { AiServices } from '../../ai/wire'
import type { CoreDeps, HandlerSlice } from '../feature'
import type { Importer } from '../library/importer'
import { speakJobKind, transcribeJobKind } from './audio-jobs'
import { PreparedAudioCache } from './prepared-audio'
import { SpeechRepo } from './speech-repo'
import { SpeechService } from './speech-service'
import { Transcriber } from './transcriber'
import { TranscriptionService } from './transcription-service'
import { TranscriptsRepo } from './transcripts-repo'

export interface AudioFeatureDeps extends CoreDeps {
  ai: AiServices
  importer: Importer
}

/** Transcripts of any audio or video (also used by the video summary), and speech made from text. */
export function audioFeature(deps: AudioFeatureDeps) {
  const { db, ai, assets, blobs, media, jobs, bus, paths } = deps
  const transcripts = new TranscriptsRepo(db)
  const preps = new PreparedAudioCache({ db, assets, blobs, media, tmpDir: paths.tmpDir })
  const transcriber = new Transcriber({ ai: ai.ai, transcripts, preps })
  const transcription = new TranscriptionService({
    ai: ai.ai,
    prices: ai.prices,
    assets,
    transcripts,
    transcriber,
    preps,
    jobs,
    bus
  })
  const speech = new SpeechService({
    ai: ai.ai,
    prices: ai.prices,
    speeches: new SpeechRepo(db),
    assets,
    blobs,
    media,
    importer: deps.importer,
    jobs,
    bus,
    tmpDir: paths.tmpDir
  })
  jobs.register(transcribeJobKind({ transcription }))
  jobs.register(speakJobKind({ speech }))
  const handlers: HandlerSlice<
    | 'audio.transcribe'
    | 'audio.estimate'
    | 'audio.transcript'
    | 'audio.transcript.update'
    | 'audio.transcript.export'
    | 'audio.speak'
    | 'audio.speech'
    | 'audio.speech.forAsset'
    | 'audio.speeches'
    | 'audio.speech.estimate'
  > = {
    'audio.transcribe': ({ assetId, options, force }) => transcription.start(assetId, options, force),
    'audio.estimate': ({ assetId, options }) => transcription.estimate(assetId, options),
    'audio.transcript': ({ assetId, transcriptId }) => transcription.view(assetId, transcriptId),
    'audio.transcript.update': ({ transcriptId, edits, speakers }) =>
      transcription.update(transcriptId, edits, speakers),
    'audio.transcript.export': ({ transcriptId, format, original }) =>
      transcription.export(transcriptId, format, original),
    'audio.speak': (input) => speech.start(input),
    'audio.speech': ({ speechId }) => speech.get(speechId),
    'audio.speech.forAsset': ({ assetId }) => speech.forAsset(assetId),
    'audio.speeches': ({ limit }) => speech.recent(limit),
    'audio.speech.estimate': ({ text, model, providerId }) => speech.estimate(text, model, providerId)
  }
  return { services: { transcription, transcriber, speech }, handlers }
}
