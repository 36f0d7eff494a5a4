import { join } from 'node:path'
import type { EventName, EventPayload, RouteInput, RouteName, RouteOutput } from '@shared/contract'
import type { FramewiseApp } from '../app/create-app'
import { createStderrLogger } from '../platform/logger'
import { packageVersion } from '../platform/package-info'
import { resolveDataDir } from '../platform/paths'
import { Output } from './output'

export interface GlobalOptions {
  dataDir?: string
  json?: boolean
  verbose?: boolean
  provider?: string
  baseUrl?: string
}

/** What a command may use: the core's front door (routes and events), like the renderer. */
export interface CommandContext {
  call<N extends RouteName>(route: N, input: RouteInput<N>): Promise<RouteOutput<N>>
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void
  /** Absolute path of a file the library stores (route results carry paths relative to it). */
  libraryFile(relPath: string): string
  /** Absolute path of a file under the data folder (voice recordings are kept outside files/). */
  dataFile(relPath: string): string
  out: Output
}

/** Opens the core for one command and always closes it, returning the process exit code. */
export async function withApp(
  options: GlobalOptions,
  setup: { runJobs: boolean; housekeeping?: boolean },
  body: (ctx: CommandContext, app: FramewiseApp) => Promise<number>
): Promise<number> {
  const out = new Output(Boolean(options.json))
  let app: FramewiseApp | null = null
  try {
    // One process per command, so the flag simply stands in for the variable the env provider reads.
    if (options.baseUrl) {
      process.env.OPENAI_BASE_URL = options.baseUrl
      // …and that is the provider the command talks to, whatever is stored as the default.
      options.provider ??= 'env'
    }
    // Loaded here, not at the top: `--help` and usage errors never open the core.
    const { createApp } = await import('../app/create-app')
    app = createApp({
      dataDir: resolveDataDir(options.dataDir),
      version: packageVersion(),
      logger: createStderrLogger(options.verbose ? 'debug' : 'warn'),
      runJobs: setup.runJobs,
      housekeeping: setup.housekeeping,
      strict: false
    })
    const opened = app
    const ctx: CommandContext = {
      call: (route, input) => opened.router.call(route, input),
      on: (event, listener) => opened.bus.on(event, listener),
      libraryFile: (relPath) => join(opened.paths.blobsDir, relPath),
      dataFile: (relPath) => join(opened.paths.dataDir, relPath),
      out
    }
    return await body(ctx, opened)
  } catch (error) {
    return out.failure(error)
  } finally {
    await app?.close()
  }
}
