import { copyFile, stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { VoiceSessionView } from '@shared/domain/voice'
import { formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'
import { decodeToPcm24k } from '../pcm-input'
import { listenToVoice, speak, waitForAnswer, type HeardTurn } from '../voice-turn'

interface VoiceFlags extends GlobalOptions {
  input?: string
  model?: string
  voice?: string
  instructions?: string
  localTools?: boolean
  out?: string
  fast?: boolean
}

export function registerVoice(program: Command, run: (code: Promise<number>) => void): void {
  const voice = program
    .command('voice')
    .description('one spoken turn with a Realtime model: an audio file as the microphone, the answer as WAV')
    .option('--input <file>', 'what the user says (wav, mp3, anything ffmpeg reads)')
    .option('--model <model>', 'gpt-realtime, gpt-realtime-mini…', 'gpt-realtime')
    .option('--voice <voice>', 'marin, cedar, alloy, ash, ballad, coral, echo, sage, shimmer, verse', 'marin')
    .option('--instructions <text>', 'how the model should answer')
    .option('--local-tools', 'let the model search the library and read summaries and transcripts')
    .option('--out <file>', 'also write the answer here as WAV')
    .option('--fast', 'send the audio as fast as possible instead of in real time')
    .option('--json', 'print one JSON document')
    .action((options: VoiceFlags) => {
      const flags = { ...program.opts(), ...options } as VoiceFlags
      if (!flags.input) {
        voice.help({ error: true })
        return
      }
      run(withApp(flags, { runJobs: false }, (ctx) => voiceTurn(ctx, flags, flags.input as string)))
    })

  voice
    .command('sessions')
    .description('past voice sessions, newest first')
    .option('--search <words>', 'only sessions whose transcript has these words')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions & { search?: string }) =>
      run(
        withApp(
          { ...program.opts(), ...voice.opts(), ...options },
          { runJobs: false },
          async ({ call, out }) => {
            const page = await call('voice.sessions', { search: options.search, limit: 200 })
            out.result(
              page,
              () =>
                page.items
                  .map(
                    (s) =>
                      `${s.id}  ${s.startedAt.slice(0, 16)}  ${s.turns} turns  ${formatUsd(s.costUsd)}  ${s.title}`
                  )
                  .join('\n') || 'No voice sessions.'
            )
            return EXIT_OK
          }
        )
      )
    )

  voice
    .command('export')
    .description('a session as Markdown')
    .argument('<sessionId>', 'session id (see `framewise voice sessions`)')
    .option('--out <file>', 'write to this file (default: print)')
    .action((sessionId: string, options: GlobalOptions & { out?: string }) =>
      run(
        withApp({ ...program.opts(), ...voice.opts(), ...options }, { runJobs: false }, async ({ call }) => {
          const file = await call('voice.export', { sessionId })
          if (options.out) await writeFile(resolve(options.out), file.content)
          else process.stdout.write(file.content)
          return EXIT_OK
        })
      )
    )
}

async function voiceTurn(ctx: CommandContext, flags: VoiceFlags, input: string): Promise<number> {
  const settings = await ctx.call('settings.get', {})
  const pcm = await decodeToPcm24k(resolve(input), settings.ffmpegPath)
  const listener = listenToVoice(ctx)
  const { sessionId } = await ctx.call('voice.start', {
    providerId: flags.provider,
    model: flags.model,
    voice: flags.voice,
    instructions: flags.instructions,
    localTools: Boolean(flags.localTools),
    saveAudio: true
  })
  let turn: HeardTurn
  try {
    ctx.out.progress(`speaking ${(pcm.length / 48_000).toFixed(1)} s of audio${flags.fast ? ' (fast)' : ''}…`)
    await speak(ctx, sessionId, pcm, Boolean(flags.fast))
    turn = await waitForAnswer(listener.events, sessionId)
  } finally {
    listener.stop()
  }
  const view = await ctx.call('voice.end', { sessionId })
  const document = await turnDocument(ctx, view, turn, flags.out)
  ctx.out.result(document, () => human(document))
  return EXIT_OK
}

async function turnDocument(
  ctx: CommandContext,
  view: VoiceSessionView,
  turn: HeardTurn,
  out: string | undefined
) {
  const answer = view.turnList.filter((t) => t.role === 'assistant' && t.audioPath).at(-1)
  const stored = answer?.audioPath ? ctx.dataFile(answer.audioPath) : null
  const audioPath = stored && out ? resolve(out) : stored
  if (stored && out) await copyFile(stored, resolve(out))
  const { usage } = view
  return {
    sessionId: view.id,
    userTranscript: turn.userTranscript,
    assistantTranscript: turn.assistantTranscript || answer?.text || '',
    audioPath,
    audioDurationS: answer?.audioPath ? await wavSeconds(ctx.dataFile(answer.audioPath)) : 0,
    toolCalls: view.turnList.flatMap((t) =>
      t.tool ? [{ name: t.tool.name, arguments: t.tool.arguments, output: t.tool.output }] : []
    ),
    firstAudioMs: turn.firstAudioMs === null ? null : Math.round(turn.firstAudioMs),
    usage: {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      audioInputTokens: usage.audioInputTokens,
      audioOutputTokens: usage.audioOutputTokens
    },
    costUsd: view.costUsd
  }
}

async function wavSeconds(file: string): Promise<number> {
  const bytes = (await stat(file)).size - 44
  return Math.round((bytes / 48_000) * 1000) / 1000
}

function human(doc: Awaited<ReturnType<typeof turnDocument>>): string {
  return [
    `You: ${doc.userTranscript || '(not transcribed)'}`,
    ...doc.toolCalls.map((t) => `  tool ${t.name}(${t.arguments}) → ${t.output.slice(0, 120)}`),
    `Model: ${doc.assistantTranscript}`,
    `${doc.audioDurationS.toFixed(1)} s of audio, first audio after ${doc.firstAudioMs ?? '?'} ms, ${formatUsd(doc.costUsd)}`,
    doc.audioPath ?? ''
  ].join('\n')
}
