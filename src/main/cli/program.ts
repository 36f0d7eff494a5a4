import { Command, CommanderError } from 'commander'
import { packageVersion } from '../platform/package-info'
import { registerAnalyze } from './commands/analyze'
import { registerAsk } from './commands/ask'
import { registerBatch } from './commands/batch'
import { registerConversations } from './commands/conversations'
import { registerDoctor } from './commands/doctor'
import { registerImages } from './commands/images'
import { registerExtract } from './commands/extract'
import { registerImport } from './commands/import'
import { registerJobs } from './commands/jobs'
import { registerKeyframes } from './commands/keyframes'
import { registerLibrary } from './commands/library'
import { registerProbe } from './commands/probe'
import { registerProviders } from './commands/providers'
import { registerRuns } from './commands/runs'
import { registerServe } from './commands/serve'
import { registerSpeak } from './commands/speak'
import { registerTranscribe } from './commands/transcribe'
import { registerUsage } from './commands/usage'
import { registerVoice } from './commands/voice'
import { EXIT_USAGE } from './output'

export function buildProgram(run: (code: Promise<number>) => void): Command {
  const program = new Command('framewise')
    .description('Framewise: look closely at video, images and sound with OpenAI-class models.')
    .version(packageVersion())
    .option('--data-dir <dir>', 'library folder (env FRAMEWISE_DATA_DIR)')
    .option('--verbose', 'log details on stderr')
    .option('--provider <id>', 'AI provider to use (default: the default provider, or OPENAI_API_KEY)')
    .option('--base-url <url>', 'talk to this OpenAI-compatible base URL (env OPENAI_BASE_URL)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
  registerDoctor(program, run)
  registerImport(program, run)
  registerLibrary(program, run)
  registerJobs(program, run)
  registerServe(program, run)
  registerProbe(program, run)
  registerKeyframes(program, run)
  registerAnalyze(program, run)
  registerAsk(program, run)
  registerConversations(program, run)
  registerTranscribe(program, run)
  registerSpeak(program, run)
  registerVoice(program, run)
  registerImages(program, run)
  registerExtract(program, run)
  registerBatch(program, run)
  registerRuns(program, run)
  registerProviders(program, run)
  registerUsage(program, run)
  return program
}

export async function main(argv: string[]): Promise<number> {
  let pending: Promise<number> | null = null
  const program = buildProgram((code) => {
    pending = code
  })
  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        error.code
      )
      return informational ? 0 : EXIT_USAGE
    }
    throw error
  }
  return pending ?? 0
}
