import { z } from 'zod'
import { SPEAK_JOB, TRANSCRIBE_JOB } from '@shared/domain/audio'
import { defineJobKind } from '../../jobs/job-kind'
import type { SpeechService } from './speech-service'
import type { TranscriptionService } from './transcription-service'

const Choice = z.object({
  model: z.string(),
  language: z.string().optional(),
  prompt: z.string().optional(),
  words: z.boolean().optional()
})

/** One asset's transcript; two at a time (each sends a few pieces at once). */
export function transcribeJobKind(deps: { transcription: TranscriptionService }) {
  return defineJobKind({
    kind: TRANSCRIBE_JOB,
    concurrency: 2,
    payload: z.object({ assetId: z.string(), choice: Choice, providerId: z.string().optional() }),
    run: (payload, ctx) => deps.transcription.run(payload, ctx)
  })
}

/** One text spoken and joined into an audio asset. */
export function speakJobKind(deps: { speech: SpeechService }) {
  return defineJobKind({
    kind: SPEAK_JOB,
    concurrency: 2,
    payload: z.object({ speechId: z.string() }),
    run: ({ speechId }, ctx) => deps.speech.run(speechId, ctx)
  })
}
