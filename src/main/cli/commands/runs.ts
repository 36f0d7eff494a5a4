import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import type { RunExportFormat } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface ExportFlags extends GlobalOptions {
  format: RunExportFormat
  out?: string
}

export function registerRuns(program: Command, run: (code: Promise<number>) => void): void {
  const runs = program
    .command('runs')
    .description('image extraction runs: list, export')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) =>
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const list = await call('images.runs', { limit: 200 })
          out.result(
            { runs: list },
            () =>
              list
                .map(
                  (r) =>
                    `${r.id}  ${r.status.padEnd(9)} ${r.extractorName} · ${r.model} · ${r.counts.ok}/${r.counts.total} rows · ${formatUsd(r.costUsd)}${r.mode === 'batch' ? ' · batch' : ''}`
                )
                .join('\n') || 'No runs.'
          )
          return EXIT_OK
        })
      )
    )

  runs
    .command('export')
    .argument('<runId>', 'run id')
    .addOption(
      new Option('--format <format>', 'file format').choices(['csv', 'json', 'jsonl']).default('csv')
    )
    .option('--out <file>', 'write to this file (default: print)')
    .action((runId: string, options: ExportFlags) =>
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const file = await call('images.run.export', { runId, format: options.format })
          if (!options.out) {
            process.stdout.write(file.content)
            return EXIT_OK
          }
          const target = resolve(options.out)
          await writeFile(target, file.content, 'utf8')
          out.result(
            { path: target, filename: file.filename, bytes: Buffer.byteLength(file.content) },
            () => `Wrote ${target}`
          )
          return EXIT_OK
        })
      )
    )
}
