import { randomUUID } from 'node:crypto'
import { Option, type Command } from 'commander'
import type { TurnResult } from '@shared/domain/playground'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { EXIT_FAILED, EXIT_OK } from '../output'
import { settingsFrom, type AskOptions } from './ask-settings'

type Options = AskOptions & GlobalOptions & { reasoning?: AskOptions['reasoningEffort'] }

const collect = (value: string, all: string[]): string[] => [...all, value]
const EFFORTS = ['minimal', 'low', 'medium', 'high']
const TOOLS = ['web_search', 'code_interpreter', 'image_generation', 'file_search']

export function registerAsk(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('ask')
    .description('ask a model on either API with tools, functions and schemas; the conversation is stored')
    .argument('<prompt>', 'what to ask')
    .addOption(
      new Option('--api <api>', 'which OpenAI API (default: chat, or the conversation’s)').choices([
        'chat',
        'responses'
      ])
    )
    .option('--model <model>', 'model (default: the provider’s summary model)')
    .option('--instructions <text>', 'instructions (system prompt)')
    .option('--image <path>', 'attach an image (repeatable)', collect, [])
    .addOption(new Option('--detail <detail>', 'image detail').choices(['low', 'high', 'auto']))
    .option('--schema <file>', 'JSON Schema file for a strict structured answer')
    .addOption(new Option('--reasoning-effort <effort>', 'reasoning effort').choices(EFFORTS))
    .addOption(new Option('--reasoning <effort>', 'same as --reasoning-effort').choices(EFFORTS).hideHelp())
    .addOption(
      new Option('--reasoning-summary <kind>', 'reasoning summary').choices(['auto', 'concise', 'detailed'])
    )
    .addOption(new Option('--verbosity <level>', 'answer length').choices(['low', 'medium', 'high']))
    .option('--temperature <n>', 'sampling temperature (0–2)')
    .option('--top-p <n>', 'nucleus sampling (0–1)')
    .option('--max-output-tokens <n>', 'output token limit')
    .option('--seed <n>', 'seed (chat)')
    .option('--stop <text>', 'stop sequence (repeatable, chat)', collect, [])
    .addOption(
      new Option('--tool <tool>', 'built-in tool (repeatable, Responses API)')
        .choices(TOOLS)
        .argParser(collect)
        .default([])
    )
    .option('--vector-store <id>', 'vector store for file_search (repeatable)', collect, [])
    .option('--functions <file>', 'JSON file with an array of function tools')
    .option('--tool-choice <choice>', 'auto, required, none or a function name')
    .option('--no-parallel-tools', 'one function call at a time')
    .option('--local-tools', 'let Framewise answer calls with its local functions')
    .option('--no-store', 'ask the provider not to store the response')
    .option('--conversation <id>', 'continue this conversation')
    .option('--stream', 'print the answer as it arrives')
    .option('--json', 'print one JSON document')
    .action((prompt: string, options: Options) => {
      const all = { ...program.opts(), ...options } as Options
      all.reasoningEffort ??= all.reasoning
      run(withApp(all, { runJobs: false }, (ctx) => ask(ctx, prompt, all)))
    })
}

async function ask(ctx: CommandContext, prompt: string, options: Options): Promise<number> {
  const streamId = randomUUID()
  const stop = ctx.on('playground.stream', (event) => {
    if (event.streamId !== streamId) return
    if (event.type === 'wait') {
      const why = event.reason === 'rate-limit' ? 'waiting for rate limit' : `waiting (${event.reason})`
      ctx.out.progress(`${why}: ${event.seconds} s, attempt ${event.attempt}`)
    } else if (event.type === 'delta' && options.stream) {
      const sink = options.json ? process.stderr : process.stdout
      sink.write(event.restart ? `\n[retrying]\n${event.text}` : event.text)
    } else if (event.type === 'activity' && options.stream) ctx.out.progress(`[${event.activity}]`)
  })
  // Continuing a conversation keeps its API unless --api says otherwise (a Responses conversation
  // silently switched to Chat would resend everything and lose its chain).
  if (!options.api && options.conversation)
    options.api = (await ctx.call('playground.conversation', { id: options.conversation })).settings.api
  const settings = await settingsFrom(options)
  // Commander's --no-store defaults store to true; only an explicit --no-store is sent.
  if (settings.store === true) delete settings.store
  const result = await ctx
    .call('playground.send', {
      conversationId: options.conversation,
      prompt,
      images: options.image.map((path) => ({ path })),
      settings,
      stream: Boolean(options.stream),
      streamId
    })
    .finally(stop)
  if (options.stream && !options.json) process.stdout.write('\n')
  const document = askDocument(ctx, result)
  ctx.out.result(document, () => humanAnswer(result, document, Boolean(options.stream)))
  return result.status === 'complete' || result.status === 'pending' ? EXIT_OK : EXIT_FAILED
}

/** Exactly the document the issue specifies; paths are absolute for the shell. */
function askDocument(ctx: CommandContext, r: TurnResult) {
  const file = (f: { assetId: string | null; path: string }) => ({
    assetId: f.assetId,
    path: ctx.libraryFile(f.path)
  })
  return {
    text: r.text,
    ...(r.parsed !== undefined ? { parsed: r.parsed } : {}),
    ...(r.refusal !== undefined ? { refusal: r.refusal } : {}),
    citations: r.citations,
    toolCalls: r.toolCalls,
    files: r.files.map(file),
    images: r.images.map(file),
    ...(r.reasoningSummary !== undefined ? { reasoningSummary: r.reasoningSummary } : {}),
    conversationId: r.conversationId,
    usage: r.usage,
    costUsd: r.costUsd,
    model: r.model,
    provider: r.provider,
    requestId: r.requestId,
    ...(r.responseId !== undefined ? { responseId: r.responseId } : {})
  }
}

function humanAnswer(r: TurnResult, doc: ReturnType<typeof askDocument>, streamed: boolean): string {
  const u = r.usage
  return [
    streamed ? '' : r.refusal ? `Refused: ${r.refusal}` : r.text,
    ...r.citations.map((c, i) => `[${i + 1}] ${c.title} — ${c.url}`),
    ...r.toolCalls.map(
      (c) =>
        `call ${c.name ?? c.type} ${c.arguments !== undefined ? JSON.stringify(c.arguments) : ''} (${c.status})`
    ),
    ...[...doc.files, ...doc.images].map((f) => `file: ${f.path}`),
    `— ${r.model}: ${u.inputTokens} in (${u.cachedTokens} cached), ${u.outputTokens} out (${u.reasoningTokens} reasoning), $${r.costUsd.toFixed(6)}, ${r.latencyMs} ms`,
    `conversation ${r.conversationId}${r.status === 'complete' ? '' : ` (${r.status})`}`
  ]
    .filter(Boolean)
    .join('\n')
}
