import { createHash, randomUUID } from 'node:crypto'
import type { Asset } from '@shared/domain/asset'
import { diarizes } from '@shared/domain/audio'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import type { PreparedAudioCache, Prepared, PreparedPiece } from './prepared-audio'
import { runPieces } from './run-pieces'
import { isSilentPiece, mergePieces, shiftPiece, soundSpan } from './transcript-merge'
import type { PieceResult, StoredTranscript, TranscriptsRepo } from './transcripts-repo'

export const TRANSCRIPT_VERSION = 1

export interface TranscribeChoice {
  model: string
  language?: string
  prompt?: string
  /** Word times as well as segments (whisper-1 only). */
  words?: boolean
}

export type TranscribeStage = 'preparing-audio' | 'transcribing'

export interface TranscriberDeps {
  ai: AiService
  transcripts: TranscriptsRepo
  preps: PreparedAudioCache
}

/**
 * Audio → transcript in file time, one piece at a time as far as the library is concerned: every
 * piece is stored as it arrives, so a failure, a cancel or a provider going away resumes with only
 * the pieces still missing, and the prepared audio is reused.
 */
export class Transcriber {
  constructor(private readonly deps: TranscriberDeps) {}

  /** Same audio, model, language and options → same transcript (the provider is not part of it). */
  key(asset: Pick<Asset, 'hash'>, choice: TranscribeChoice): string {
    const base = {
      v: TRANSCRIPT_VERSION,
      hash: asset.hash,
      model: choice.model,
      language: choice.language ?? null
    }
    const extra = {
      ...(choice.prompt ? { prompt: choice.prompt } : {}),
      ...(choice.words ? { words: true } : {})
    }
    return createHash('sha256')
      .update(JSON.stringify({ ...base, ...extra }))
      .digest('hex')
  }

  /** The finished transcript for these options, if the library has it. */
  cached(asset: Asset, choice: TranscribeChoice): StoredTranscript | null {
    const found = this.deps.transcripts.findByKey(this.key(asset, choice))
    return found?.status === 'complete' ? found : null
  }

  async transcribe(
    asset: Asset,
    choice: TranscribeChoice,
    ctx: CallContext,
    progress: (fraction: number, stage: TranscribeStage) => void
  ): Promise<StoredTranscript> {
    const key = this.key(asset, choice)
    const existing = this.deps.transcripts.findByKey(key)
    if (existing?.status === 'complete') return existing
    const id = existing?.id ?? randomUUID()
    progress(0, 'preparing-audio')
    const { prepared } = await this.deps.preps.get(asset, {
      signal: ctx.signal,
      onProgress: (f) => progress(f * 0.15, 'preparing-audio')
    })
    this.deps.transcripts.start({
      id,
      assetId: asset.id,
      cacheKey: key,
      model: choice.model,
      language: choice.language ?? null,
      piecesTotal: prepared.pieces.length,
      options: { prompt: choice.prompt, timestamps: choice.words ? 'word' : 'segment' }
    })
    const done = this.deps.transcripts.pieces(id)
    const total = prepared.pieces.length
    progress(0.15 + (0.85 * done.size) / total, 'transcribing')
    const todo = prepared.pieces
      .map((piece, index) => ({ piece, index }))
      .filter(({ index }) => !done.has(index))
    await runPieces(todo, ctx.signal, async ({ piece, index }) => {
      const result = await this.piece(id, index, piece, prepared, choice, ctx)
      this.deps.transcripts.savePiece(id, index, piece.startS, piece.durationS, result)
      done.set(index, { ...result, startS: piece.startS, durationS: piece.durationS })
      progress(0.15 + (0.85 * done.size) / total, 'transcribing')
    })
    const ordered = [...done.entries()].sort((a, b) => a[0] - b[0]).map(([, piece]) => piece)
    const merged = mergePieces(ordered, prepared.durationS)
    const costUsd = ordered.reduce((sum, p) => sum + (p.costUsd ?? 0), 0)
    const language = merged.language ?? choice.language ?? null
    this.deps.transcripts.complete(id, { ...merged, language, durationS: prepared.durationS, costUsd })
    return this.deps.transcripts.get(id) as StoredTranscript
  }

  /** One piece: silence is not sent; anything else is, under a key that records its cost once. */
  private async piece(
    id: string,
    index: number,
    piece: PreparedPiece,
    prepared: Prepared,
    choice: TranscribeChoice,
    ctx: CallContext
  ): Promise<PieceResult> {
    if (isSilentPiece(piece, prepared.peaks, prepared.durationS)) {
      return { text: '', language: null, segments: [], words: [], costUsd: 0, silent: true }
    }
    const call = await this.deps.ai.transcribe(
      {
        file: this.deps.preps.file(piece),
        model: choice.model,
        language: choice.language,
        prompt: diarizes(choice.model) ? undefined : choice.prompt,
        durationS: piece.durationS,
        wordTimestamps: choice.words
      },
      // A forced re-run is another request than the first one; a resumed job is the same one.
      { ...ctx, requestKey: `transcript:${id}:${index}:${ctx.jobId ?? ''}` }
    )
    const sound = soundSpan(piece, prepared.peaks, prepared.durationS)
    return {
      ...shiftPiece(call.value, piece, sound),
      costUsd: call.costUsd,
      usage: {
        inputTokens: call.usage.inputTokens,
        outputTokens: call.usage.outputTokens,
        audioTokens: call.usage.audioTokens,
        audioSeconds: call.usage.audioSeconds
      }
    }
  }
}
