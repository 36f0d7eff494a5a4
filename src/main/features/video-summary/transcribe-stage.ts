import { createHash, randomUUID } from 'node:crypto'
import type { Asset } from '@shared/domain/asset'
import type { Transcript, TranscriptSegment } from '@shared/domain/video'
import type { AiService } from '../../ai/ai-service'
import type { CallContext } from '../../ai/executor'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import { prepareAudio } from '../../media/audio/audio-prep'
import { withTempDir } from '../../platform/ffmpeg/ffmpeg'
import { modelTraits } from '../../ai/model-traits'
import type { PieceResult, TranscriptsRepo } from './transcripts-repo'

export const TRANSCRIPT_VERSION = 1

export interface TranscribeDeps {
  ai: AiService
  transcripts: TranscriptsRepo
  media: MediaTools
  tmpDir: string
}

export function transcriptKey(asset: Asset, model: string, language: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: TRANSCRIPT_VERSION, hash: asset.hash, model, language: language ?? null }))
    .digest('hex')
}

/**
 * Prepares the audio (16 kHz mono, pieces under the API's caps), transcribes each piece not yet
 * stored, and merges them back into file time. A failure resumes at the first missing piece.
 */
export async function transcribeAsset(
  deps: TranscribeDeps,
  args: {
    asset: Asset
    file: string
    model: string
    language?: string
    ctx: CallContext
    progress: (fraction: number) => void
  }
): Promise<Transcript> {
  const key = transcriptKey(args.asset, args.model, args.language)
  const existing = deps.transcripts.findByKey(key)
  if (existing?.status === 'complete') return existing
  const id = existing?.id ?? randomUUID()
  return withTempDir(deps.tmpDir, async (dir) => {
    const prepared = await prepareAudio(await deps.media.binaries(), args.file, {
      workDir: dir,
      signal: args.ctx.signal,
      onProgress: (f) => args.progress(f * 0.15)
    })
    deps.transcripts.start({
      id,
      assetId: args.asset.id,
      cacheKey: key,
      model: args.model,
      language: args.language ?? null,
      piecesTotal: prepared.pieces.length
    })
    const done = deps.transcripts.pieces(id)
    for (const [index, piece] of prepared.pieces.entries()) {
      if (done.has(index)) continue
      const result = await deps.ai.transcribe(
        { file: piece.file, model: args.model, language: args.language, durationS: piece.durationS },
        { ...args.ctx, requestKey: `transcript:${id}:${index}` }
      )
      const shifted = shiftPiece(result.value, piece.startS, piece.durationS, args.model)
      deps.transcripts.savePiece(id, index, piece.startS, piece.durationS, shifted)
      done.set(index, { ...shifted, startS: piece.startS })
      args.progress(0.15 + (0.85 * done.size) / prepared.pieces.length)
    }
    const ordered = [...done.entries()].sort((a, b) => a[0] - b[0]).map(([, piece]) => piece)
    const segments = dropRepeats(ordered.flatMap((p) => p.segments))
    const full = {
      text: segments.map((s) => s.text).join(' '),
      language: ordered.find((p) => p.language)?.language ?? null,
      segments,
      durationS: prepared.durationS
    }
    deps.transcripts.complete(id, full)
    return { id, model: args.model, ...full }
  })
}

/** Piece times become file times; models without segments give one segment per piece. */
function shiftPiece(
  result: { text: string; language: string | null; segments: TranscriptSegment[] },
  startS: number,
  durationS: number,
  model: string
): PieceResult {
  const segments =
    result.segments.length > 0 || !modelTraits(model).transcribeJsonOnly
      ? result.segments.map((s) => ({
          start: round(s.start + startS),
          end: round(s.end + startS),
          text: s.text
        }))
      : result.text.trim()
        ? [{ start: round(startS), end: round(startS + durationS), text: result.text.trim() }]
        : []
  return { text: result.text, language: result.language, segments }
}

/** Whisper sometimes loops on noise ("got them, got them, …"): three or more identical lines in a row keep one. */
export function dropRepeats(segments: TranscriptSegment[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = []
  let run = 0
  for (const segment of segments) {
    const last = out.at(-1)
    if (last && last.text.trim().toLowerCase() === segment.text.trim().toLowerCase()) {
      run += 1
      if (run >= 2) {
        last.end = segment.end
        continue
      }
    } else run = 0
    out.push({ ...segment })
  }
  return out
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000
}
