import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { randomUUID } from 'node:crypto'
import { Option, type Command } from 'commander'
import type { AskResult } from '@shared/domain/ask'
import { AppError } from '@shared/errors'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface AskOptions extends GlobalOptions {
  api: 'chat' | 'responses'
  model?: string
  image: string[]
  schema?: string
  reasoning?: 'low' | 'medium' | 'high'
  stream?: boolean
}

const collect = (value: string, all: string[]): string[] => [...all, value]

export function registerAsk(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('ask')
    .description('ask a model (chat completions or responses), with images and a JSON schema if wanted')
    .argument('<prompt>', 'what to ask')
    .addOption(new Option('--api <api>', 'which OpenAI API').choices(['chat', 'responses']).default('chat'))
    .option('--model <model>', 'model (default: the provider’s summary model)')
    .option('--image <path>', 'attach an image (repeatable)', collect, [])
    .option('--schema <file>', 'JSON Schema file for a strict structured answer')
    .addOption(new Option('--reasoning <effort>', 'reasoning effort').choices(['low', 'medium', 'high']))
    .option('--stream', 'print the answer as it arrives')
    .option('--json', 'print one JSON document')
    .action((prompt: string, options: AskOptions) => {
      const all = { ...program.opts(), ...options } as AskOptions
      run(withApp(all, { runJobs: false }, (ctx) => ask(ctx, prompt, all)))
    })
}

async function ask(ctx: CommandContext, prompt: string, options: AskOptions): Promise<number> {
  const streamId = randomUUID()
  const stop = ctx.on('ai.stream', (event) => {
    if (event.streamId !== streamId) return
    if (event.type === 'wait') {
      const seconds = Math.round(event.delayMs / 100) / 10
      const why = event.reason === 'rate-limit' ? 'rate limit' : event.reason
      ctx.out.progress(`waiting ${seconds} s (${why}, attempt ${event.attempt})`)
    } else if (options.stream) {
      const sink = options.json ? process.stderr : process.stdout
      sink.write(event.restart ? `\n[retrying]\n${event.text}` : event.text)
    }
  })
  const result = await ctx
    .call('ai.ask', {
      prompt,
      api: options.api,
      model: options.model,
      providerId: options.provider,
      images: options.image,
      schema: options.schema ? await loadSchema(options.schema) : undefined,
      reasoningEffort: options.reasoning,
      // Waits are reported either way; text deltas only when the user asked to see them.
      streamId: options.stream ? streamId : undefined
    })
    .finally(stop)
  if (options.stream && !options.json) process.stdout.write('\n')
  const { providerName: _shownToHumansOnly, ...document } = result
  ctx.out.result(document, () => humanAnswer(result, Boolean(options.stream)))
  return EXIT_OK
}

function humanAnswer(result: AskResult, streamed: boolean): string {
  const u = result.usage
  return [
    streamed ? '' : (result.text ?? ''),
    `— ${result.model} via ${result.providerName}: ${u.inputTokens} in (${u.cachedTokens} cached), ${u.outputTokens} out, $${result.costUsd.toFixed(6)}`
  ]
    .filter(Boolean)
    .join('\n')
}

async function loadSchema(file: string): Promise<{ name: string; schema: Record<string, unknown> }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Could not read the schema file ${file}: ${(error as Error).message}`
    )
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AppError('VALIDATION_FAILED', 'The schema file must hold a JSON object.')
  const name =
    basename(file)
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9_-]/g, '_')
      .slice(0, 64) || 'answer'
  return { name, schema: parsed as Record<string, unknown> }
}
