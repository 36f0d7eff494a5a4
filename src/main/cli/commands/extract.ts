import { readFile } from 'node:fs/promises'
import { Option, type Command } from 'commander'
import type { ImportReport } from '@shared/domain/asset'
import {
  TEMPLATE_KEYS,
  type ExtractorRef,
  type ImageDetail,
  type RunView,
  type TemplateKey
} from '@shared/domain/extract'
import { AppError } from '@shared/errors'
import { formatUsd } from '@shared/format'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { followJob } from '../follow-job'
import { jobFailure, waitForJob } from '../import-one'
import { EXIT_FAILED, EXIT_OK } from '../output'

interface ExtractFlags extends GlobalOptions {
  template?: TemplateKey
  extractor?: string
  schema?: string
  instructions?: string
  model?: string
  detail?: ImageDetail
  estimate?: boolean
  batch?: boolean
  force?: boolean
}

export function registerExtract(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('extract')
    .description(
      'describe or extract structured rows from images and folders (each image paid for once; --batch at half price)'
    )
    .argument('<paths...>', 'image files and folders')
    .addOption(new Option('--template <name>', 'a built-in extractor').choices([...TEMPLATE_KEYS]))
    .option('--extractor <id>', 'a saved extractor (see the Images page)')
    .option('--schema <file.json>', 'a strict JSON schema for each row (with --instructions)')
    .option('--instructions <text>', 'what to extract, with --schema')
    .option('--model <model>', 'vision model (default: the provider’s vision model)')
    .addOption(new Option('--detail <detail>', 'image detail').choices(['low', 'high', 'auto']))
    .option('--estimate', 'print tokens and cost (and as a Batch) and call no model')
    .option('--batch', 'send as one Batch at half price and return at once (see `framewise batch`)')
    .option('--force', 'ask again even for images already answered')
    .option('--json', 'print one JSON document')
    .action((paths: string[], options: ExtractFlags) => {
      const all = { ...program.opts(), ...options } as ExtractFlags
      run(withApp(all, { runJobs: true }, (ctx) => extract(ctx, paths, all)))
    })
}

async function extractorRef(flags: ExtractFlags): Promise<ExtractorRef> {
  const given = [flags.template, flags.extractor, flags.schema].filter(Boolean).length
  if (given !== 1)
    throw new AppError(
      'VALIDATION_FAILED',
      'Choose one of --template, --extractor or --schema (with --instructions).'
    )
  if (flags.template) return { template: flags.template }
  if (flags.extractor) return { extractorId: flags.extractor }
  if (!flags.instructions) throw new AppError('VALIDATION_FAILED', '--schema needs --instructions.')
  let schema: unknown
  try {
    schema = JSON.parse(await readFile(flags.schema as string, 'utf8'))
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Cannot read the schema file: ${(error as Error).message}`)
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    throw new AppError('AI_SCHEMA_INVALID', 'The schema file must hold one JSON object.')
  return { schema: schema as Record<string, unknown>, instructions: flags.instructions }
}

interface Failure {
  file: string
  error: { code: string; message: string }
}

/** Imports the paths (folders walked) and sorts what came back into images and failures. */
async function importImages(
  ctx: CommandContext,
  paths: string[]
): Promise<{ assetIds: string[]; failed: Failure[] }> {
  const { jobId } = await ctx.call('library.import', { paths })
  const job = await waitForJob(ctx, jobId)
  const report = job.result as ImportReport | null
  if (!report) throw jobFailure(job, 'The import')
  const failed: Failure[] = report.failed.map((f) => ({
    file: f.path,
    error: { code: f.code, message: f.message }
  }))
  const assetIds: string[] = []
  for (const entry of [...report.imported, ...report.duplicates]) {
    const asset = await ctx.call('library.get', { id: entry.assetId })
    if (asset.kind === 'image') assetIds.push(asset.id)
    else
      failed.push({
        file: entry.path,
        error: { code: 'MEDIA_UNSUPPORTED', message: `Not an image (${asset.kind}).` }
      })
  }
  return { assetIds: [...new Set(assetIds)], failed }
}

async function extract(ctx: CommandContext, paths: string[], flags: ExtractFlags): Promise<number> {
  const extractor = await extractorRef(flags)
  const { assetIds, failed } = await importImages(ctx, paths)
  if (assetIds.length === 0) {
    ctx.out.result({ rows: [], failed, usage: null, costUsd: 0 }, () => 'No image to extract from.')
    return failed.length > 0 ? EXIT_FAILED : EXIT_OK
  }
  const choice = { assetIds, extractor, model: flags.model, detail: flags.detail, providerId: flags.provider }
  if (flags.estimate) {
    const estimate = await ctx.call('images.estimate', { ...choice, force: Boolean(flags.force) })
    ctx.out.result(
      estimate,
      () =>
        `${estimate.images} image(s) (${estimate.cached} already answered) with ${estimate.model} at ${estimate.detail} detail: ` +
        `${estimate.imageTokens} image + ${estimate.textTokens} text tokens ≈ ${formatUsd(estimate.costUsd)}, as a Batch ${formatUsd(estimate.batchCostUsd)}`
    )
    return EXIT_OK
  }
  const started = await ctx.call('images.run', {
    ...choice,
    force: Boolean(flags.force),
    batch: Boolean(flags.batch)
  })
  if (flags.batch) return submitted(ctx, started)
  await followJob(ctx, started.jobId, 'The extraction', (j) => ` ${Math.round(j.progress * 100)} %`)
  const view = await ctx.call('images.run.view', { runId: started.runId })
  return printRun(ctx, view, failed)
}

/** Waits only until the batch exists at the provider; polling goes on wherever the job is picked up. */
async function submitted(ctx: CommandContext, started: { runId: string; jobId: string }): Promise<number> {
  const view = await new Promise<RunView>((resolve, reject) => {
    const check = (): void => {
      ctx.call('images.run.view', { runId: started.runId }).then((v) => {
        if (v.batchId || v.status === 'complete') finish(v)
      }, fail)
    }
    const job = ctx.on('job.updated', (j) => {
      if (j.id !== started.jobId) return
      if (j.state === 'failed' || j.state === 'cancelled') fail(jobFailure(j, 'Sending the batch'))
      else if (j.state === 'waiting')
        fail(new AppError('AI_OFFLINE', j.error?.message ?? 'The provider cannot be reached.'))
      else check()
    })
    const run = ctx.on('images.run.updated', (e) => e.runId === started.runId && check())
    const finish = (v: RunView): void => {
      job()
      run()
      resolve(v)
    }
    const fail = (error: unknown): void => {
      job()
      run()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    check()
  })
  const batch = view.batchId ? await ctx.call('batch.get', { id: view.batchId }) : null
  const document = {
    runId: view.id,
    batchId: batch?.remoteId ?? null,
    state: batch?.state ?? 'completed',
    requests: batch?.requests ?? 0
  }
  ctx.out.result(document, () =>
    batch
      ? `Batch ${batch.remoteId} sent: ${batch.requests} request(s), ${batch.state}. Follow it with: framewise batch wait ${batch.remoteId}`
      : 'Every image was already answered: nothing to send.'
  )
  return EXIT_OK
}

/** The run as one document: a row per answered image, a failure per image that got none. */
export function printRun(
  ctx: CommandContext,
  view: RunView,
  importFailures: Failure[] = [],
  extra: object = {}
): number {
  const rows = view.rows
    .filter((r) => r.status === 'ok')
    .map((r) => ({
      assetId: r.assetId,
      file: r.file,
      fields: r.fields,
      usage: r.usage,
      costUsd: r.costUsd,
      cached: r.cached
    }))
  const failed: Failure[] = [
    ...importFailures,
    ...view.rows
      .filter((r) => r.status !== 'ok')
      .map((r) => ({
        file: r.file,
        error:
          r.status === 'refused'
            ? { code: 'AI_REFUSED', message: r.raw ?? 'The model refused.' }
            : (r.error ?? { code: 'INTERNAL', message: `Left ${r.status}.` })
      }))
  ]
  const document = {
    runId: view.id,
    ...extra,
    extractor: view.extractorName,
    model: view.model,
    rows,
    failed,
    usage: view.usage,
    costUsd: view.costUsd
  }
  ctx.out.result(document, () =>
    [
      ...rows.map(
        (r) => `${r.file}${r.cached ? ' (already answered)' : ''}\n${JSON.stringify(r.fields, null, 2)}`
      ),
      ...failed.map((f) => `${f.file}: ${f.error.code} ${f.error.message}`),
      `${rows.length} row(s), ${failed.length} failed, ${formatUsd(view.costUsd)}`
    ].join('\n')
  )
  return rows.length === 0 && failed.length > 0 ? EXIT_FAILED : EXIT_OK
}
