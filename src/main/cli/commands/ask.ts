import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Option, type Command } from 'commander'
import { AppError } from '@shared/errors'
import type { ChatMessage } from '../../ai/calls/chat'
import type { CallContext } from '../../ai/executor'
import { schemaFromJson, type StructuredSchema } from '../../ai/structured'
import { prepareImage } from '../../media/image-prep'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { EXIT_OK } from '../output'

interface AskOptions extends GlobalOptions {
  api: 'chat' | 'responses'
  model?: string
  image: string[]
  schema?: string
  reasoning?: 'low' | 'medium' | 'high'
  stream?: boolean
  provider?: string
  baseUrl?: string
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

async function ask({ app, out }: CommandContext, prompt: string, options: AskOptions): Promise<number> {
  const callCtx: CallContext = {
    providerId: options.provider ?? null,
    baseURL: options.baseUrl,
    onWait: (w) =>
      out.progress(
        `waiting ${Math.round(w.delayMs / 100) / 10} s (${w.reason === 'rate-limit' ? 'rate limit' : w.reason}, attempt ${w.attempt})`
      )
  }
  const model =
    options.model ??
    (await app.services.ai.modelFor(options.image.length > 0 ? 'vision' : 'summary', options.provider)).model
  const schema = options.schema ? await loadSchema(options.schema) : undefined
  const images = await Promise.all(options.image.map((path) => prepareImage(path, { model, detail: 'high' })))
  const urls = images.map((img) => `data:image/${img.format};base64,${img.data.toString('base64')}`)
  const onDelta = options.stream
    ? (d: { text: string; restart: boolean }) =>
        (options.json ? process.stderr : process.stdout).write(d.restart ? `\n[retrying]\n${d.text}` : d.text)
    : undefined
  const result =
    options.api === 'responses'
      ? await app.services.ai.respond(
          {
            model,
            input:
              urls.length === 0
                ? prompt
                : [
                    {
                      role: 'user',
                      content: [
                        { type: 'input_text', text: prompt },
                        ...urls.map((url) => ({
                          type: 'input_image' as const,
                          image_url: url,
                          detail: 'high' as const
                        }))
                      ]
                    }
                  ],
            textFormat: schema,
            reasoning: options.reasoning ? { effort: options.reasoning } : undefined,
            stream: options.stream,
            onDelta
          },
          callCtx
        )
      : await app.services.ai.chat(
          {
            model,
            messages: [userMessage(prompt, urls)],
            responseFormat: schema,
            reasoningEffort: options.reasoning,
            stream: options.stream,
            onDelta
          },
          callCtx
        )
  if (options.stream && !options.json) process.stdout.write('\n')
  const u = result.usage
  const document = {
    text: result.value.text,
    ...(result.value.parsed !== undefined ? { parsed: result.value.parsed } : {}),
    usage: {
      inputTokens: u.inputTokens,
      cachedTokens: u.cachedTokens,
      outputTokens: u.outputTokens,
      reasoningTokens: u.reasoningTokens
    },
    costUsd: result.costUsd,
    model: result.model,
    provider: result.providerId,
    requestId: result.requestId
  }
  out.result(document, () =>
    [
      options.stream ? '' : (result.value.text ?? ''),
      `— ${result.model} via ${result.providerName}: ${u.inputTokens} in (${u.cachedTokens} cached), ${u.outputTokens} out, $${result.costUsd.toFixed(6)}`
    ]
      .filter(Boolean)
      .join('\n')
  )
  return EXIT_OK
}

function userMessage(prompt: string, urls: string[]): ChatMessage {
  if (urls.length === 0) return { role: 'user', content: prompt }
  return {
    role: 'user',
    content: [
      { type: 'text', text: prompt },
      ...urls.map((url) => ({ type: 'image_url' as const, image_url: { url, detail: 'high' as const } }))
    ]
  }
}

async function loadSchema(file: string): Promise<StructuredSchema> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Could not read the schema file ${file}: ${(error as Error).message}`
    )
  }
  if (!parsed || typeof parsed !== 'object')
    throw new AppError('VALIDATION_FAILED', 'The schema file must hold a JSON object.')
  return schemaFromJson(basename(file).replace(/\.json$/i, ''), parsed as Record<string, unknown>)
}
