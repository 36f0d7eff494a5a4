import type { Command } from 'commander'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

export function registerJobs(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('jobs')
    .description('list recent jobs with their state and progress')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const jobs = await call('jobs.list', { limit: 200 })
          out.result(
            { jobs },
            () =>
              jobs
                .map(
                  (j) =>
                    `${j.state.padEnd(9)} ${j.kind.padEnd(16)} ${Math.round(j.progress * 100)}%  ${j.title}${j.error ? `  (${j.error.code}: ${j.error.message})` : ''}`
                )
                .join('\n') || 'No jobs.'
          )
          return EXIT_OK
        })
      )
    })
}
