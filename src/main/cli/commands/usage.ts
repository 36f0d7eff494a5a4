import type { Command } from 'commander'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

export function registerUsage(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('usage')
    .description('what model calls cost: totals, per day, per model and per job')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const summary = await call('usage.summary', {})
          const t = summary.totals
          out.result(summary, () =>
            [
              `${t.calls} call(s), $${t.costUsd.toFixed(4)}: ${t.inputTokens} input tokens (${Math.round(t.cachedShare * 100)} % cached), ${t.outputTokens} output (${t.reasoningTokens} reasoning)`,
              ...summary.byModel.map(
                (m) => `  ${m.model.padEnd(28)} $${m.costUsd.toFixed(4)}  ${m.calls} call(s)`
              )
            ].join('\n')
          )
          return EXIT_OK
        })
      )
    })
}
