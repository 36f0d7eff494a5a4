import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { IMAGE_FORMATS, type EditInput, type GenerateInput, type ImageRunView } from '@shared/domain/gallery'
import { AppError } from '@shared/errors'
import { formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { EXIT_OK, EXIT_USAGE, Output } from '../output'

interface ImageFlags extends GlobalOptions {
  model?: string
  size: string
  quality?: string
  background?: 'auto' | 'transparent' | 'opaque'
  format?: 'png' | 'jpeg' | 'webp'
  compression?: string
  n: string
  moderation?: 'auto' | 'low'
  estimate?: boolean
}

interface EditFlags extends ImageFlags {
  mask?: string
  ref: string[]
  variation?: boolean
  turn?: boolean
}

interface GalleryFlags extends GlobalOptions {
  search?: string
  model?: string
  favourites?: boolean
  limit: string
}

type Run = (code: Promise<number>) => void

function imageOptions(command: Command): Command {
  return command
    .option('--model <model>', 'gpt-image-1, dall-e-3, dall-e-2… (default: the provider’s image model)')
    .option('--size <WxH|auto>', 'image size; each model allows its own', 'auto')
    .option('--quality <q>', 'gpt-image: low, medium, high, auto; dall-e-3: standard, hd')
    .addOption(
      new Option('--background <b>', 'gpt-image: transparent, opaque or auto').choices([
        'auto',
        'transparent',
        'opaque'
      ])
    )
    .addOption(new Option('--format <f>', 'output format (gpt-image)').choices([...IMAGE_FORMATS]))
    .option('--compression <0-100>', 'jpeg/webp compression (gpt-image)')
    .option('--n <n>', 'how many images (dall-e-3: 1)', '1')
    .addOption(new Option('--moderation <m>', 'gpt-image moderation').choices(['auto', 'low']))
    .option('--estimate', 'print what it would cost and stop')
    .option('--json', 'print one JSON document')
}

export function registerImages(program: Command, run: Run): void {
  imageOptions(
    program
      .command('generate')
      .description('generate images from a prompt into the library (and its gallery)')
      .argument('<prompt>', 'what to draw')
  ).action((prompt: string, options: ImageFlags) => {
    run(generateCommand(prompt, { ...program.opts(), ...options } as ImageFlags))
  })
  imageOptions(
    program
      .command('edit')
      .description('edit an image (a file or a library asset id) with a prompt, a mask and references')
      .argument('<image>', 'image file, or the asset id of a library image')
      .argument('[prompt]', 'what to change (not used by --variation)')
  )
    .option('--mask <file>', 'PNG whose transparent pixels mark where to edit')
    .option('--ref <file|id>', 'a reference image (repeat for more)', collect, [])
    .option('--variation', 'DALL·E 2 variations of the image instead of an edit')
    .option('--turn', 'continue a conversation of edits (Responses API image tool)')
    .action((image: string, prompt: string | undefined, options: EditFlags) => {
      run(editCommand(image, prompt ?? '', { ...program.opts(), ...options } as EditFlags))
    })
  program
    .command('gallery')
    .description('list generated images, newest first, with their prompts and parameters')
    .option('--search <q>', 'words of the prompt or the revised prompt')
    .option('--model <model>', 'only images of this model')
    .option('--favourites', 'only favourites')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print one JSON document')
    .action((options: GalleryFlags) => {
      run(galleryCommand({ ...program.opts(), ...options } as GalleryFlags))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** The flags as the contract's parameters; a number that is not one is a usage error. */
function paramsOf(flags: ImageFlags): Omit<GenerateInput, 'prompt'> {
  const n = Number(flags.n)
  const compression = flags.compression === undefined ? undefined : Number(flags.compression)
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('VALIDATION_FAILED', '--n must be a whole number ≥ 1.')
  if (compression !== undefined && !Number.isInteger(compression))
    throw new AppError('VALIDATION_FAILED', '--compression must be a whole number 0–100.')
  return {
    model: flags.model,
    size: flags.size,
    quality: flags.quality,
    background: flags.background,
    outputFormat: flags.format,
    outputCompression: compression,
    n,
    moderation: flags.moderation,
    providerId: flags.provider
  }
}

async function generateCommand(prompt: string, flags: ImageFlags): Promise<number> {
  let request: GenerateInput
  try {
    request = { ...paramsOf(flags), prompt }
  } catch (error) {
    return usage(flags, error)
  }
  return withApp(flags, { runJobs: !flags.estimate }, async (ctx) => {
    if (flags.estimate) return printEstimate(ctx, request)
    const started = await ctx.call('gallery.generate', request)
    return finish(ctx, started, {})
  })
}

async function editCommand(image: string, prompt: string, flags: EditFlags): Promise<number> {
  let request: EditInput
  try {
    request = {
      ...paramsOf(flags),
      source: sourceOf(image),
      prompt,
      mode: flags.variation ? 'variation' : flags.turn ? 'conversation' : 'edit',
      mask: flags.mask ? { path: resolve(flags.mask) } : undefined,
      references: flags.ref.map(sourceOf)
    }
  } catch (error) {
    return usage(flags, error)
  }
  return withApp(flags, { runJobs: !flags.estimate }, async (ctx) => {
    if (flags.estimate) return printEstimate(ctx, request)
    const started = await ctx.call('gallery.edit', request)
    const run = await ctx.call('gallery.run', { runId: started.runId })
    return finish(ctx, started, { parentAssetId: run.parentAssetIds[0] ?? null })
  })
}

/** A path that exists is a file to import; anything else is taken as a library asset id. */
function sourceOf(value: string): { path: string } | { assetId: string } {
  return existsSync(value) ? { path: resolve(value) } : { assetId: value }
}

function usage(flags: GlobalOptions, error: unknown): number {
  new Output(Boolean(flags.json)).failure(error)
  return EXIT_USAGE
}

async function printEstimate(ctx: CommandContext, request: GenerateInput | EditInput): Promise<number> {
  const estimate = await ctx.call('gallery.estimate', { request })
  ctx.out.result(estimate, () =>
    estimate.basis === 'unknown'
      ? 'No price is known for this model (Usage → Prices).'
      : `About ${formatUsd(estimate.costUsd)} for ${estimate.images} image(s) (${formatUsd(estimate.perImageUsd)} each, ${estimate.basis}).`
  )
  return EXIT_OK
}

async function finish(
  ctx: CommandContext,
  started: { jobId: string; runId: string },
  extra: { parentAssetId?: string | null }
): Promise<number> {
  await followJob(ctx, started.jobId, 'The image request')
  const run = await ctx.call('gallery.run', { runId: started.runId })
  const document = {
    images: run.images.map((image) => ({ ...image, path: ctx.libraryFile(image.path) })),
    ...(run.revisedPrompt ? { revisedPrompt: run.revisedPrompt } : {}),
    model: run.model,
    usage: run.usage,
    costUsd: run.costUsd,
    ...(extra.parentAssetId ? { parentAssetId: extra.parentAssetId } : {})
  }
  ctx.out.result(document, () => summary(run, document.images))
  return EXIT_OK
}

function summary(run: ImageRunView, images: { path: string; width: number; height: number }[]): string {
  const lines = images.map((i) => `${i.path}  ${i.width}×${i.height}`)
  const revised = run.revisedPrompt ? `\nRevised prompt: ${run.revisedPrompt}` : ''
  return `${images.length} image(s) from ${run.model}, ${formatUsd(run.costUsd)}${revised}\n${lines.join('\n')}`
}

async function galleryCommand(flags: GalleryFlags): Promise<number> {
  const limit = Number(flags.limit)
  if (!Number.isInteger(limit) || limit < 1)
    return usage(flags, new AppError('VALIDATION_FAILED', '--limit must be a whole number ≥ 1.'))
  return withApp(flags, { runJobs: false }, async (ctx) => {
    const page = await ctx.call('gallery.list', {
      search: flags.search,
      model: flags.model,
      favourites: Boolean(flags.favourites),
      limit: Math.min(limit, 500)
    })
    const items = page.items.map((item) => ({
      assetId: item.assetId,
      path: ctx.libraryFile(item.path),
      prompt: item.prompt,
      ...(item.revisedPrompt ? { revisedPrompt: item.revisedPrompt } : {}),
      model: item.model,
      params: item.params,
      createdAt: item.createdAt,
      ...(item.parentAssetId ? { parentAssetId: item.parentAssetId } : {})
    }))
    ctx.out.result({ items }, () =>
      items.length === 0
        ? 'No generated images match.'
        : items.map((i) => `${i.createdAt.slice(0, 16)}  ${i.model}  ${i.prompt}\n  ${i.path}`).join('\n')
    )
    return EXIT_OK
  })
}
