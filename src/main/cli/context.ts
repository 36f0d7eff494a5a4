import { createApp, type FramewiseApp } from '../app/create-app'
import { createStderrLogger } from '../app/logger'
import { packageVersion } from '../app/package-info'
import { resolveDataDir } from '../app/paths'
import { Output } from './output'

export interface GlobalOptions {
  dataDir?: string
  json?: boolean
  verbose?: boolean
}

export interface CommandContext {
  app: FramewiseApp
  out: Output
}

/** Opens the core for one command and always closes it, returning the process exit code. */
export async function withApp(
  options: GlobalOptions,
  setup: { runJobs: boolean },
  body: (ctx: CommandContext) => Promise<number>
): Promise<number> {
  const out = new Output(Boolean(options.json))
  let app: FramewiseApp | null = null
  try {
    app = createApp({
      dataDir: resolveDataDir(options.dataDir),
      version: packageVersion(),
      logger: createStderrLogger(options.verbose ? 'debug' : 'warn'),
      runJobs: setup.runJobs,
      strict: false
    })
    return await body({ app, out })
  } catch (error) {
    return out.failure(error)
  } finally {
    await app?.close()
  }
}
