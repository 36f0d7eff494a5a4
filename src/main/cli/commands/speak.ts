import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { SPEECH_FORMATS, type SpeechFormat, type SpeechView } from '@shared/domain/audio'
import { AppError } from '@shared/errors'
import { formatDuration, formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { EXIT_OK, EXIT_USAGE, Output } from '../output'

interface SpeakFlags extends GlobalOptions {
  file?: string
  voice?: string
  model?: string
  instructions?: string
  speed?: string
  format: SpeechFormat
  out?: string
}

export function registerSpeak(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('speak')
    .description('turn text of any length into speech, saved in the library as one audio file')
    .argument('[text]', 'the text to speak (or use --file)')
    .option('--file <path>', 'read the text from a UTF-8 file')
    .option(
      '--voice <voice>',
      'alloy, ash, ballad, coral, echo, fable, nova, onyx, sage, shimmer, verse…',
      'coral'
    )
    .option('--model <model>', 'tts-1, tts-1-hd or gpt-4o-mini-tts (default: the provider’s speech model)')
    .option('--instructions <text>', 'tone, accent, pace (gpt-4o-mini-tts)')
    .option('--speed <x>', 'speaking speed, 0.25–4', '1')
    .addOption(new Option('--format <format>', 'audio format').choices([...SPEECH_FORMATS]).default('mp3'))
    .option('--out <file>', 'also write the audio here (pcm: raw 16-bit samples, 24 kHz mono)')
    .option('--json', 'print one JSON document')
    .action((text: string | undefined, options: SpeakFlags) => {
      const all = { ...program.opts(), ...options } as SpeakFlags
      run(speakCommand(text, all))
    })
}

async function speakCommand(argument: string | undefined, flags: SpeakFlags): Promise<number> {
  const out = new Output(Boolean(flags.json))
  const text = await textOf(argument, flags.file).catch((error: unknown) => error as Error)
  const speed = Number(flags.speed ?? 1)
  const problem =
    text instanceof Error
      ? text.message
      : !text.trim()
        ? 'There is no text to speak: give it as an argument or with --file.'
        : !Number.isFinite(speed)
          ? '--speed must be a number between 0.25 and 4.'
          : null
  if (problem !== null || text instanceof Error) {
    out.failure(new AppError('VALIDATION_FAILED', problem ?? 'No text.'))
    return EXIT_USAGE
  }
  return withApp(flags, { runJobs: true }, (ctx) => speak(ctx, text, speed, flags))
}

async function textOf(argument: string | undefined, file: string | undefined): Promise<string> {
  if (argument !== undefined && file) throw new Error('Give the text or --file, not both.')
  if (file) return readFile(resolve(file), 'utf8')
  return argument ?? ''
}

async function speak(ctx: CommandContext, text: string, speed: number, flags: SpeakFlags): Promise<number> {
  const { jobId, speechId } = await ctx.call('audio.speak', {
    text,
    model: flags.model,
    voice: flags.voice,
    instructions: flags.instructions,
    speed,
    format: flags.format,
    providerId: flags.provider
  })
  await followJob(ctx, jobId, 'The speech job', (job) =>
    job.stage === 'synthesising' ? ` ${Math.round((job.progress / 0.9) * 100)} %` : null
  )
  const speech = await ctx.call('audio.speech', { speechId })
  if (!speech.path || !speech.assetId) throw new AppError('INTERNAL', 'The speech was not stored.')
  const stored = ctx.libraryFile(speech.path)
  const path = flags.out ? resolve(flags.out) : stored
  if (flags.out)
    await writeFile(
      path,
      speech.format === 'pcm' ? wavSamples(await readFile(stored)) : await readFile(stored)
    )
  const document = {
    assetId: speech.assetId,
    path,
    format: speech.format,
    durationS: speech.durationS,
    pieces: speech.pieces.length,
    chars: speech.chars,
    model: speech.model,
    voice: speech.voice,
    costUsd: speech.costUsd
  }
  ctx.out.result(document, () => summary(speech, path))
  return EXIT_OK
}

function summary(speech: SpeechView, path: string): string {
  return `${speech.chars} characters in ${speech.pieces.length} piece(s) → ${formatDuration(speech.durationS)} of ${speech.voice} (${speech.model}), ${formatUsd(speech.costUsd)}\n${path}`
}

/** The samples of a WAV file without its header: what "pcm" means to the speech API. */
function wavSamples(wav: Buffer): Buffer {
  if (wav.toString('ascii', 0, 4) !== 'RIFF') return wav
  let at = 12
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4)
    const size = wav.readUInt32LE(at + 4)
    if (id === 'data') return wav.subarray(at + 8, Math.min(wav.length, at + 8 + size))
    at += 8 + size + (size % 2)
  }
  return wav
}
