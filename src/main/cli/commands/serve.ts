import type { Command } from 'commander'
import { AppError } from '@shared/errors'
import { rendererDir } from '../../platform/package-info'
import { bindingNotice } from '../../server/binding'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface ServeOptions extends GlobalOptions {
  port: string
  host: string
}

export function registerServe(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('serve')
    .description('serve the local web UI on this machine (token-protected)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '7878')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action((options: ServeOptions) => {
      run(
        withApp(
          { ...program.opts(), ...options },
          { runJobs: true, housekeeping: true },
          async (_ctx, app) => {
            const port = Number(options.port)
            if (!Number.isInteger(port) || port < 0 || port > 65535) {
              throw new AppError('VALIDATION_FAILED', '--port must be a number between 0 and 65535.')
            }
            const { startWebServer } = await import('../../server/web-server')
            const server = await startWebServer({ app, rendererDir: rendererDir(), host: options.host, port })
            process.stdout.write(`Framewise is running at ${server.url}\n`)
            // Bound beyond this machine: say which addresses work and that the token is the only guard.
            for (const line of bindingNotice(options.host, server.port, server.token))
              process.stderr.write(`${line}\n`)
            process.stdout.write(`Data folder: ${app.paths.dataDir}\nPress Ctrl+C to stop.\n`)
            await new Promise<void>((resolve) => {
              process.once('SIGINT', resolve)
              process.once('SIGTERM', resolve)
            })
            await server.close()
            return EXIT_OK
          }
        )
      )
    })
}
