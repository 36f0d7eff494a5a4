import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import type { TranscribeOptionsInput, TranscriptExportFormat, TranscriptView } from '@shared/domain/audio'
import { AppError } from '@shared/errors'
import { formatDuration, formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { importOne } from '../import-one'
import { EXIT_OK } from '../output'

interface TranscribeFlags extends GlobalOptions {
  model?: string
  language?: string
  prompt?: string
  timestamps: 'segment' | 'word'
  format: TranscriptExportFormat
  out?: string
  estimate?: boolean
  force?: boolean
}

export function registerTranscribe(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('transcribe')
    .description(
      'transcribe an audio or video file of any length (cut at silences, resumable; served from the library when known)'
    )
    .argument('<file>', 'audio or video file')
    .option(
      '--model <model>',
      'whisper-1, gpt-4o-transcribe, gpt-4o-mini-transcribe, gpt-4o-transcribe-diarize…'
    )
    .option('--language <code>', 'language of the speech (ISO-639-1, e.g. en, zh); default: detected')
    .option('--prompt <text>', 'names and vocabulary to spell right')
    .addOption(
      new Option('--timestamps <kind>', 'segment times, or word times too (whisper-1)')
        .choices(['segment', 'word'])
        .default('segment')
    )
    .addOption(
      new Option('--format <format>', 'what to print (or write with --out)')
        .choices(['txt', 'srt', 'vtt', 'md', 'json'])
        .default('txt')
    )
    .option('--out <file>', 'write the transcript in --format to this file')
    .option('--estimate', 'print what it would cost and call no model')
    .option('--force', 'transcribe again even if the library holds this transcript')
    .option('--json', 'print one JSON document')
    .action((file: string, options: TranscribeFlags) => {
      const all = { ...program.opts(), ...options } as TranscribeFlags
      run(withApp(all, { runJobs: true }, (ctx) => transcribe(ctx, file, all)))
    })
}

async function transcribe(ctx: CommandContext, file: string, flags: TranscribeFlags): Promise<number> {
  const options: TranscribeOptionsInput = {
    model: flags.model,
    language: flags.language,
    prompt: flags.prompt,
    timestamps: flags.timestamps,
    providerId: flags.provider
  }
  const assetId = await importOne(ctx, file)
  if (flags.estimate) {
    const estimate = await ctx.call('audio.estimate', { assetId, options })
    ctx.out.result({ assetId, estimate }, () =>
      estimate.cached
        ? `Already transcribed with ${estimate.model}: nothing to pay.`
        : `${estimate.model}: ${estimate.minutes} min in ${estimate.pieces} piece(s) ≈ ${formatUsd(estimate.costUsd)}`
    )
    return EXIT_OK
  }
  const started = await ctx.call('audio.transcribe', { assetId, options, force: Boolean(flags.force) })
  let transcriptId = started.transcriptId
  if (started.jobId) {
    const job = await followJob(ctx, started.jobId, 'The transcription job', (j) =>
      j.stage === 'transcribing' ? ` ${Math.round(j.progress * 100)} %` : null
    )
    transcriptId = (job.result as { transcriptId?: string } | null)?.transcriptId ?? transcriptId
  }
  const view = await ctx.call('audio.transcript', { assetId, transcriptId: transcriptId ?? undefined })
  if (!view || view.status !== 'complete') throw new AppError('INTERNAL', 'The transcript was not stored.')
  const exported = await ctx.call('audio.transcript.export', { transcriptId: view.id, format: flags.format })
  if (flags.out) await writeFile(resolve(flags.out), exported.content)
  if (view.silent)
    ctx.out.progress('No speech was found: the transcript is empty (nothing was sent or paid for).')
  if (flags.json) ctx.out.result(transcriptDocument(view, started.cached), () => '')
  else if (flags.out) ctx.out.progress(summaryLine(view, started.cached, resolve(flags.out)))
  else process.stdout.write(exported.content)
  return EXIT_OK
}

function transcriptDocument(view: TranscriptView, cached: boolean) {
  const speakerOf = (label: string) => view.speakers[label] ?? label
  const segments = view.segments.map((s, i) => ({
    start: s.start,
    end: s.end,
    text: view.edits[String(i)] ?? s.text,
    ...(s.speaker ? { speaker: speakerOf(s.speaker) } : {})
  }))
  const edited = Object.keys(view.edits).length > 0
  return {
    assetId: view.assetId,
    model: view.model,
    language: view.language,
    durationS: view.durationS,
    text: edited ? segments.map((s) => s.text).join(' ') : view.text,
    segments,
    ...(view.words.length > 0 ? { words: view.words } : {}),
    pieces: view.piecesTotal,
    usage: view.usage,
    costUsd: view.costUsd,
    cached
  }
}

function summaryLine(view: TranscriptView, cached: boolean, out: string): string {
  const from = cached ? ' (from the library)' : ''
  return `${view.segments.length} line(s), ${formatDuration(view.durationS)}, ${view.model}${from}, ${formatUsd(view.costUsd)} → ${out}`
}
