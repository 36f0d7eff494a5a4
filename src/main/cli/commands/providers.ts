import type { Command } from 'commander'
import { CAPABILITIES } from '@shared/domain/provider'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

export function registerProviders(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('providers')
    .description('list AI providers with their capabilities and where their key comes from')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const providers = await call('providers.list', {})
          out.result({ providers }, () =>
            providers.length === 0
              ? 'No providers. Add one in the app (Settings → Providers) or set OPENAI_API_KEY.'
              : providers
                  .map(
                    (p) =>
                      `${p.isDefault ? '*' : ' '} ${p.id.padEnd(16)} ${p.name} — ${p.baseURL} (key: ${p.keySource}) [${CAPABILITIES.filter((c) => p.capabilities[c]).join(', ')}]`
                  )
                  .join('\n')
          )
          return EXIT_OK
        })
      )
    })
}
