import type { Command } from 'commander'
import type { BatchView } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { EXIT_OK } from '../output'
import { printRun } from './extract'

export function registerBatch(program: Command, run: (code: Promise<number>) => void): void {
  const batch = program.command('batch').description('batches sent at half price: list, show, wait, cancel')
  const opened = (options: GlobalOptions, body: (ctx: CommandContext) => Promise<number>, runJobs = false) =>
    run(withApp({ ...program.opts(), ...options }, { runJobs }, body))

  batch
    .command('list')
    .description('every batch with its state, counts, cost and money saved')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) =>
      opened(options, async (ctx) => {
        const batches = await ctx.call('batch.list', { limit: 500 })
        ctx.out.result({ batches }, () => batches.map(line).join('\n') || 'No batches.')
        return EXIT_OK
      })
    )

  batch
    .command('show')
    .argument('<id>', 'batch id (the provider’s or Framewise’s)')
    .option('--json', 'print one JSON document')
    .action((id: string, options: GlobalOptions) =>
      opened(options, async (ctx) => {
        const found = await ctx.call('batch.get', { id })
        ctx.out.result(found, () => line(found))
        return EXIT_OK
      })
    )

  batch
    .command('wait')
    .description('poll until the batch is done, import its results, print the rows like `extract`')
    .argument('<id>', 'batch id')
    .option('--json', 'print one JSON document')
    .action((id: string, options: GlobalOptions) =>
      opened(
        options,
        async (ctx) => {
          const { runId, jobId } = await ctx.call('batch.follow', { id })
          if (jobId) await followJob(ctx, jobId, 'The batch', (j) => ` ${Math.round(j.progress * 100)} %`)
          const found = await ctx.call('batch.get', { id })
          const view = await ctx.call('images.run.view', { runId })
          return printRun(ctx, view, [], { batchId: found.remoteId, state: found.state })
        },
        true
      )
    )

  batch
    .command('cancel')
    .argument('<id>', 'batch id')
    .option('--json', 'print one JSON document')
    .action((id: string, options: GlobalOptions) =>
      opened(options, async (ctx) => {
        const found = await ctx.call('batch.cancel', { id })
        ctx.out.result(
          found,
          () => `${found.remoteId}: ${found.state}; answered lines are imported when it stops.`
        )
        return EXIT_OK
      })
    )
}

function line(b: BatchView): string {
  const counts = `${b.requestCounts.completed}/${b.requestCounts.total} done, ${b.requestCounts.failed} failed`
  const saved = b.imported
    ? `, ${formatUsd(b.costUsd)} (saved ${formatUsd(b.directCostUsd - b.costUsd)})`
    : ''
  return `${b.remoteId}  ${b.state.padEnd(11)} ${counts}${saved}  ${b.createdAt}`
}
