import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  SPEAK_JOB,
  SpeakInput,
  takesInstructions,
  voicesFor,
  type SpeechEstimate,
  type SpeechFormat,
  type SpeechView
} from '@shared/domain/audio'
import { AppError, toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import type { PriceService } from '../../ai/price-service'
import type { JobContext } from '../../jobs/job-kind'
import type { JobQueue } from '../../jobs/job-queue'
import {
  decodedSeconds,
  joinAudio,
  JOIN_EXTENSION,
  PIECE_EXTENSION,
  type JoinFormat
} from '../../media/audio/audio-join'
import type { EventBus } from '../../platform/event-bus'
import { withTempDir } from '../../platform/ffmpeg/ffmpeg'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import type { AssetsRepo } from '../../store/assets-repo'
import type { BlobStore } from '../../store/blob-store'
import type { Importer } from '../library/importer'
import { THUMBNAIL_JOB } from '../library/thumbnail-job'
import { speechEstimate } from './estimates'
import { runPieces } from './run-pieces'
import type { SpeechRepo, StoredSpeech, StoredSpeechPiece } from './speech-repo'
import { splitForSpeech } from './speech-text'

const DEFAULT_MODEL = 'gpt-4o-mini-tts'

export interface SpeechServiceDeps {
  ai: AiService
  prices: PriceService
  speeches: SpeechRepo
  assets: AssetsRepo
  blobs: BlobStore
  media: MediaTools
  importer: Importer
  jobs: JobQueue
  bus: EventBus
  tmpDir: string
}

/** Raw PCM is asked for as WAV (same samples, with a header), so pieces play and the result probes. */
function joinFormat(format: SpeechFormat): JoinFormat {
  return format === 'pcm' ? 'wav' : format
}

/**
 * Text → speech of any length: cut at sentences under the API's limit, pieces asked for a few at a
 * time and stored as they arrive (so playback can start at once and a resumed job asks only for
 * the rest), then decoded and joined into one audio asset that keeps its text and parameters.
 */
export class SpeechService {
  constructor(private readonly deps: SpeechServiceDeps) {}

  async estimate(text: string, model: string | undefined, providerId?: string): Promise<SpeechEstimate> {
    return speechEstimate(this.deps.prices, model ?? (await this.defaultModel(providerId)), text)
  }

  async start(input: SpeakInput): Promise<{ jobId: string; speechId: string }> {
    const request = SpeakInput.parse(input)
    const model = request.model ?? (await this.deps.ai.modelFor('speech', request.providerId)).model
    assertVoice(model, request.voice)
    const voice = voicesFor(model) ? request.voice.toLowerCase() : request.voice
    if (request.instructions && !takesInstructions(model))
      throw new AppError(
        'VALIDATION_FAILED',
        `${model} takes no instructions; gpt-4o-mini-tts does (tone, accent, pace).`
      )
    const id = randomUUID()
    const title = request.title ?? titleOf(request.text)
    this.deps.speeches.create({
      id,
      text: request.text,
      model,
      voice,
      instructions: request.instructions ?? null,
      speed: request.speed,
      format: request.format,
      providerId: request.providerId ?? null,
      title,
      jobId: null,
      pieces: splitForSpeech(request.text)
    })
    const job = this.deps.jobs.enqueue({
      kind: SPEAK_JOB,
      title,
      payload: { speechId: id },
      dedupeKey: `${SPEAK_JOB}:${id}`
    })
    this.deps.speeches.setJob(id, job.id)
    return { jobId: job.id, speechId: id }
  }

  /** The job body: missing pieces (never asked, failed, or whose file went) are asked for, then joined. */
  async run(speechId: string, job: JobContext): Promise<{ speechId: string; assetId: string }> {
    const speech = this.require(speechId)
    if (speech.status === 'complete' && speech.assetId) return { speechId, assetId: speech.assetId }
    this.deps.speeches.setStatus(speechId, 'running')
    const held: string[] = []
    try {
      const missing = speech.pieces.filter(
        (p) => !p.relPath || !existsSync(this.deps.blobs.absolutePath(p.relPath))
      )
      let done = speech.pieces.length - missing.length
      job.progress('synthesising', (0.9 * done) / speech.pieces.length)
      await runPieces(missing, job.signal, async (piece) => {
        held.push(await this.synthesise(speech, piece, job))
        job.progress('synthesising', (0.9 * ++done) / speech.pieces.length)
      })
      job.progress('joining-audio', 0.92)
      const assetId = await this.join(this.require(speechId), job)
      return { speechId, assetId }
    } catch (error) {
      const code = toErrorInfo(error).code
      if (code !== 'AI_OFFLINE' && code !== 'CANCELLED') this.deps.speeches.setStatus(speechId, 'failed')
      throw error
    } finally {
      for (const hash of held) this.deps.blobs.release(hash)
    }
  }

  get(speechId: string): SpeechView {
    return this.toView(this.require(speechId))
  }

  forAsset(assetId: string): SpeechView | null {
    const found = this.deps.speeches.forAsset(assetId)
    return found ? this.toView(found) : null
  }

  recent(limit: number): SpeechView[] {
    return this.deps.speeches.recent(limit).map((s) => this.toView(s))
  }

  /** One piece, stored in the file store (unregistered until joined: only the joined file is kept). */
  private async synthesise(speech: StoredSpeech, piece: StoredSpeechPiece, job: JobContext): Promise<string> {
    const format = joinFormat(speech.format)
    const call = await this.deps.ai.speech(
      {
        model: speech.model,
        voice: speech.voice,
        input: piece.text,
        format,
        speed: speech.speed,
        instructions: speech.instructions ?? undefined
      },
      {
        providerId: speech.providerId,
        jobId: job.job.id,
        signal: job.signal,
        requestKey: `speech:${speech.id}:${piece.index}:${job.job.id}`
      }
    )
    const blob = await this.deps.blobs.ingestBuffer(call.value, PIECE_EXTENSION[format])
    const file = this.deps.blobs.absolutePath(blob.relPath)
    const durationS = await decodedSeconds(await this.deps.media.binaries(), file, { signal: job.signal })
    this.deps.speeches.savePiece(speech.id, piece.index, {
      relPath: blob.relPath,
      durationS,
      costUsd: call.costUsd
    })
    return blob.hash
  }

  /** Decodes the pieces, joins their samples, encodes once, and imports the file as an audio asset. */
  private async join(speech: StoredSpeech, job: JobContext): Promise<string> {
    const format = joinFormat(speech.format)
    const files = speech.pieces.map((p) => this.deps.blobs.absolutePath(p.relPath as string))
    const name = `${speech.title}.${JOIN_EXTENSION[format]}`
    const { asset, joined } = await withTempDir(this.deps.tmpDir, async (dir) => {
      const output = join(dir, name)
      const joined = await joinAudio(await this.deps.media.binaries(), files, output, format, {
        signal: job.signal
      })
      const imported = await this.deps.importer.importFile(output, {
        signal: job.signal,
        name,
        // Made here, not found on disk: its temporary path is not where it came from.
        uploaded: true
      })
      return { asset: imported.asset, joined }
    })
    this.deps.speeches.complete(speech.id, asset.id, joined.durationS)
    this.deps.assets.upsertSearchDoc(asset.id, 'speech', speech.title, speech.text)
    if (asset.thumb.state === 'pending')
      job.enqueueChild({
        kind: THUMBNAIL_JOB,
        title: asset.name,
        payload: { assetId: asset.id },
        assetId: asset.id,
        dedupeKey: `${THUMBNAIL_JOB}:${asset.id}`
      })
    job.progress('joining-audio', 1)
    this.deps.bus.emit('library.changed', { reason: 'imported', ids: [asset.id] })
    return asset.id
  }

  private toView(s: StoredSpeech): SpeechView {
    const asset = s.assetId ? this.deps.assets.get(s.assetId) : null
    return {
      id: s.id,
      status: s.status,
      text: s.text,
      model: s.model,
      voice: s.voice,
      instructions: s.instructions,
      speed: s.speed,
      format: s.format,
      chars: s.text.length,
      pieces: s.pieces.map((p) => ({
        index: p.index,
        chars: p.text.length,
        durationS: p.durationS,
        path: p.relPath
      })),
      assetId: asset?.id ?? null,
      path: asset?.path ?? null,
      durationS: s.durationS,
      costUsd: Math.round(s.pieces.reduce((sum, p) => sum + p.costUsd, 0) * 1e8) / 1e8,
      jobId: s.jobId,
      createdAt: s.createdAt
    }
  }

  private require(speechId: string): StoredSpeech {
    const found = this.deps.speeches.get(speechId)
    if (!found) throw new AppError('NOT_FOUND', `No speech with id ${speechId}.`)
    return found
  }

  private async defaultModel(providerId: string | undefined): Promise<string> {
    try {
      return (await this.deps.ai.modelFor('speech', providerId)).model
    } catch (error) {
      if (toErrorInfo(error).code === 'PROVIDER_NOT_CONFIGURED') return DEFAULT_MODEL
      throw error
    }
  }
}

/** Refused before anything is sent: a voice this model does not have, naming the ones it has. */
export function assertVoice(model: string, voice: string): void {
  const voices = voicesFor(model)
  if (voices && !voices.includes(voice.toLowerCase()))
    throw new AppError(
      'VALIDATION_FAILED',
      `${model} has no voice “${voice}”. Its voices: ${voices.join(', ')}.`,
      {
        voices
      }
    )
}

/**
 * A file name from the text: its first sentence when short enough, else its first words and "…";
 * no path separators or characters file systems refuse.
 */
export function titleOf(text: string): string {
  const firstLine = text.trim().split(/\r?\n/u)[0] ?? ''
  const cleaned = firstLine
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
  const sentence = /^(.+?)[.!?。！？]/u.exec(cleaned)?.[1]?.trim()
  if (sentence && [...sentence].length <= TITLE_CHARS) return sentence
  const cut = [...cleaned].slice(0, TITLE_CHARS).join('')
  if (cut.length === cleaned.length) return cut || 'Speech'
  return `${cut.replace(/[\s.,;:!?，。！？]+\S*$/u, '') || cut}…`
}

const TITLE_CHARS = 48
