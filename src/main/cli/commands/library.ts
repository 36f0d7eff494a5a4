import { Option, type Command } from 'commander'
import { AssetKind } from '@shared/domain/asset'
import { assetLine, toCliAsset } from '../asset-view'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface LibraryOptions extends GlobalOptions {
  search?: string
  kind?: string
  limit?: string
}

export function registerLibrary(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('library')
    .description('list the library, optionally searching names and metadata')
    .option('--search <query>', 'full-text search (names, metadata, later transcripts and captions)')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(AssetKind.options))
    .option('--limit <n>', 'how many to list', '200')
    .option('--json', 'print one JSON document')
    .action((options: LibraryOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async (ctx) => {
          const kind = options.kind === undefined ? undefined : AssetKind.parse(options.kind)
          const limit = Math.min(500, Math.max(1, Number(options.limit) || 200))
          const page = await ctx.call('library.list', { search: options.search, kind, limit, offset: 0 })
          const items = page.items.map((asset) => toCliAsset(ctx, asset))
          ctx.out.result({ items, total: page.total }, () =>
            [...page.items.map(assetLine), `${page.total} item(s)`].join('\n')
          )
          return EXIT_OK
        })
      )
    })
}
