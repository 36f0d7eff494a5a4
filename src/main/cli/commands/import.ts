import type { Command } from 'commander'
import type { ImportReport } from '@shared/domain/asset'
import type { Job } from '@shared/domain/job'
import { assetLine, toCliAsset } from '../asset-view'
import { withApp, type GlobalOptions } from '../context'
import { AppError, ERROR_CODES } from '@shared/errors'
import { EXIT_OK, type Output } from '../output'

export function registerImport(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('import')
    .description('import files and folders into the library (waits for thumbnails)')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print one JSON document')
    .action((paths: string[], options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: true }, async (ctx) => {
          const { out } = ctx
          const stop = ctx.on('job.updated', (job) => reportProgress(out, job))
          const { jobId } = await ctx.call('library.import', { paths })
          const [job] = (await ctx.call('jobs.wait', { ids: [jobId] })).jobs
          stop()
          if (!job) throw new AppError('INTERNAL', 'The import job vanished.')
          if (job.state !== 'succeeded') return out.failure(job.error ?? new Error(`Import ${job.state}.`))
          const report = job.result as ImportReport
          const ids = [...report.imported, ...report.duplicates].map((entry) => entry.assetId)
          if (ids.length === 0 && report.failed.length > 0) return out.failure(nothingImported(report))
          const assets = await Promise.all(
            ids.map(async (id) => toCliAsset(ctx, await ctx.call('library.get', { id })))
          )
          out.result({ ...report, assets }, () => describe(report, assets.map(assetLine)))
          return EXIT_OK
        })
      )
    })
}

function nothingImported(report: ImportReport): AppError {
  const first = report.failed[0] as ImportReport['failed'][number]
  const code = ERROR_CODES.find((c) => c === first.code) ?? 'MEDIA_UNSUPPORTED'
  const lines = report.failed.map((f) => `${f.path}: ${f.message}`).join('; ')
  return new AppError(code, `Nothing could be imported. ${lines}`)
}

const lastReported = new Map<string, number>()

function reportProgress(out: Output, job: Job): void {
  const now = Date.now()
  if (job.state === 'running' && now - (lastReported.get(job.id) ?? 0) < 1000) return
  lastReported.set(job.id, now)
  const percent = Math.round(job.progress * 100)
  out.progress(
    `[${job.kind}] ${job.title}: ${job.state}${job.stage ? ` · ${job.stage.replace(/-/g, ' ')}` : ''} ${percent}%`
  )
}

function describe(report: ImportReport, lines: string[]): string {
  const parts = [
    `Imported ${report.imported.length}, already in library ${report.duplicates.length}, failed ${report.failed.length}, skipped ${report.skipped}.`,
    ...lines,
    ...report.failed.map((f) => `FAILED ${f.path}: ${f.code} — ${f.message}`)
  ]
  return parts.join('\n')
}
