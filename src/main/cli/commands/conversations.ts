import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface ListFlags extends GlobalOptions {
  search?: string
}

interface ExportFlags extends GlobalOptions {
  format: 'md' | 'json'
  out?: string
}

export function registerConversations(program: Command, run: (code: Promise<number>) => void): void {
  const conversations = program
    .command('conversations')
    .description('Playground conversations: list, search, export')
    .option('--search <query>', 'only conversations whose messages or title match')
    .option('--json', 'print one JSON document')
    .action((options: ListFlags) =>
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const list = await call('playground.conversations', { search: options.search, limit: 200 })
          out.result(
            { conversations: list },
            () =>
              list
                .map(
                  (c) =>
                    `${c.id}  ${c.pinned ? '★ ' : ''}${c.title} · ${c.messageCount} messages · ${c.updatedAt}${c.snippet ? `\n    ${c.snippet}` : ''}`
                )
                .join('\n') || 'No conversations.'
          )
          return EXIT_OK
        })
      )
    )

  conversations
    .command('export')
    .argument('<id>', 'conversation id')
    .addOption(new Option('--format <format>', 'file format').choices(['md', 'json']).default('md'))
    .option('--out <file>', 'write to this file (default: print)')
    .action((id: string, options: ExportFlags) =>
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const file = await call('playground.export', { id, format: options.format })
          if (!options.out) {
            process.stdout.write(file.content)
            return EXIT_OK
          }
          const target = resolve(options.out)
          await writeFile(target, file.content, 'utf8')
          out.result({ path: target, filename: file.filename }, () => `Wrote ${target}`)
          return EXIT_OK
        })
      )
    )
}
