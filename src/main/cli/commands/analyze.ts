import { Option, type Command } from 'commander'
import type { CostEstimate, SummaryOptionsInput, VideoAnalysis } from '@shared/domain/video'
import { AppError } from '@shared/errors'
import { formatDuration } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { importOne, positiveInt } from '../import-one'
import { EXIT_OK } from '../output'

interface AnalyzeOptions extends GlobalOptions {
  model?: string
  maxFrames: string
  detail: 'low' | 'high' | 'auto'
  transcribeModel: string
  language?: string
  estimate?: boolean
  force?: boolean
  provider?: string
  baseUrl?: string
}

export function registerAnalyze(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('analyze')
    .description(
      'summarise a video or audio file: keyframes, transcript, chapters (served from the library when known)'
    )
    .argument('<file>', 'video or audio file')
    .option('--model <model>', 'summary model (default: the provider’s summary model)')
    .option('--max-frames <n>', 'most keyframes to send', '32')
    .addOption(
      new Option('--detail <detail>', 'image detail per frame')
        .choices(['low', 'high', 'auto'])
        .default('auto')
    )
    .option('--transcribe-model <model>', 'transcription model', 'whisper-1')
    .option('--language <code>', 'language of the summary (and a hint for transcription)')
    .option('--estimate', 'print what it would cost and call no model')
    .option('--force', 'summarise again even if the library holds this result')
    .option('--json', 'print one JSON document')
    .action((file: string, options: AnalyzeOptions) => {
      const all = { ...program.opts(), ...options } as AnalyzeOptions
      run(withApp(all, { runJobs: true }, (ctx) => analyze(ctx, file, all)))
    })
}

async function analyze(ctx: CommandContext, file: string, options: AnalyzeOptions): Promise<number> {
  const summaryOptions: SummaryOptionsInput = {
    model: options.model,
    providerId: options.provider,
    maxFrames: positiveInt(options.maxFrames, '--max-frames'),
    detail: options.detail,
    transcribeModel: options.transcribeModel,
    language: options.language
  }
  const assetId = await importOne(ctx, file)
  if (options.estimate) {
    const estimate = await ctx.call('video.estimate', { assetId, options: summaryOptions })
    ctx.out.result({ assetId, estimate }, () => estimateText(estimate))
    return EXIT_OK
  }
  const force = Boolean(options.force)
  const { jobId, cached } = await ctx.call('video.summarize', { assetId, options: summaryOptions, force })
  if (jobId) await followJob(ctx, jobId, 'The summary job')
  const analysis = await ctx.call('video.analysis', { assetId })
  if (!analysis?.summary) throw new AppError('INTERNAL', 'The summary was not stored.')
  const document = await analysisDocument(ctx, analysis, cached)
  ctx.out.result(document, () => summaryText(document))
  return EXIT_OK
}

async function analysisDocument(ctx: CommandContext, analysis: VideoAnalysis, cached: boolean) {
  const asset = await ctx.call('library.get', { id: analysis.assetId })
  const provider = (await ctx.call('providers.list', {})).find((p) => p.id === analysis.providerId)
  return {
    assetId: analysis.assetId,
    kind: asset?.kind ?? 'video',
    durationS: asset?.durationS ?? analysis.transcript?.durationS ?? null,
    frames: (analysis.frames?.frames ?? []).map((f) => ({
      t: f.t,
      path: ctx.libraryFile(f.path)
    })),
    transcript: analysis.transcript
      ? {
          language: analysis.transcript.language,
          model: analysis.transcript.model,
          segments: analysis.transcript.segments
        }
      : null,
    summary: analysis.summary,
    usage: { ...analysis.usage, costUsd: analysis.costUsd },
    model: analysis.model,
    provider: provider?.name ?? analysis.providerId ?? 'default',
    cached
  }
}

function summaryText(doc: Awaited<ReturnType<typeof analysisDocument>>): string {
  const summary = doc.summary
  if (!summary) return ''
  return [
    `${summary.title}${doc.cached ? '  (from the library)' : ''}`,
    '',
    summary.overview,
    '',
    ...summary.chapters.map((c) => `${formatDuration(c.start).padStart(8)}  ${c.title}`),
    '',
    `${doc.frames.length} frame(s), ${doc.transcript?.segments.length ?? 0} transcript line(s); ${doc.usage.inputTokens} in / ${doc.usage.outputTokens} out tokens, $${doc.usage.costUsd.toFixed(4)}`
  ].join('\n')
}

function estimateText(e: CostEstimate): string {
  return [
    `Model ${e.model}: ${e.frames} frame(s) at ${e.detail} detail ≈ ${e.imageTokens} image tokens`,
    `Transcript ≈ ${e.transcriptTokens} tokens from ${e.audioMinutes} audio minute(s); ${e.windows} window(s)`,
    `≈ ${e.promptTokens} prompt + ${e.outputTokens} output tokens ≈ $${e.costUsd.toFixed(4)}`
  ].join('\n')
}
