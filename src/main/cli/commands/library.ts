import { Option, type Command } from 'commander'
import { AssetKind, type LibraryItem } from '@shared/domain/asset'
import { assetLine, toCliAsset } from '../asset-view'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface LibraryOptions extends GlobalOptions {
  search?: string
  kind?: string
  limit?: string
  cursor?: string
}

export function registerLibrary(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('library')
    .description('list the library, optionally searching names and metadata')
    .option('--search <query>', 'full-text search (names, metadata, later transcripts and captions)')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(AssetKind.options))
    .option('--limit <n>', 'how many to list', '200')
    .option('--cursor <cursor>', 'continue after the page that printed this cursor (nextCursor)')
    .option('--json', 'print one JSON document')
    .action((options: LibraryOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async (ctx) => {
          const kind = options.kind === undefined ? undefined : AssetKind.parse(options.kind)
          const limit = Math.min(500, Math.max(1, Number(options.limit) || 200))
          const page = await ctx.call('library.list', {
            search: options.search,
            kind,
            limit,
            cursor: options.cursor
          })
          const items = page.items.map((asset) => toCliAsset(ctx, asset))
          const { total, totalIsLowerBound, nextCursor } = page
          // A capped count of a broad search reads "5000+" (ADR 013).
          const count = `${total}${totalIsLowerBound ? '+' : ''} item(s)`
          const more = nextCursor ? [`more: --cursor ${nextCursor}`] : []
          ctx.out.result({ items, total, totalIsLowerBound, nextCursor }, () =>
            [...page.items.map(itemLine), count, ...more].join('\n')
          )
          return EXIT_OK
        })
      )
    })
}

/** A search result found by its metadata or text says where, so the line shows why it is listed. */
function itemLine(item: LibraryItem): string {
  const line = assetLine(item)
  return item.match && item.match.field !== 'name'
    ? `${line}  [${item.match.field}: ${item.match.snippet}]`
    : line
}
