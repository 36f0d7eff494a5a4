import { rm } from 'node:fs/promises'
import { dirname, relative, isAbsolute } from 'node:path'
import { z } from 'zod'
import type { ImportReport } from '@shared/domain/asset'
import { forEachLimited } from '@shared/concurrency'
import { toErrorInfo } from '@shared/errors'
import type { EventBus } from '../../platform/event-bus'
import type { Importer } from './importer'
import { collectImportEntries } from './path-walker'
import { defineJobKind, type JobContext } from '../../jobs/job-kind'
import { THUMBNAIL_JOB } from './thumbnail-job'
import { ChangeBatcher } from './change-batcher'

export const IMPORT_JOB = 'library.import'
const PARALLEL_FILES = 3

export function importJobKind(deps: { importer: Importer; bus: EventBus; stagingDir: string }) {
  return defineJobKind({
    kind: IMPORT_JOB,
    concurrency: 1,
    payload: z.object({ paths: z.array(z.string()) }),
    async run({ paths }, ctx): Promise<ImportReport> {
      ctx.progress('scanning', 0)
      const entries = await collectImportEntries(paths, ctx.signal)
      const report: ImportReport = {
        imported: [],
        duplicates: [],
        failed: entries.failed.map((f) => ({ path: f.path, code: f.error.code, message: f.error.message })),
        skipped: entries.skipped
      }
      const changes = new ChangeBatcher(deps.bus, 'imported')
      try {
        await forEachLimited(
          entries.files,
          PARALLEL_FILES,
          async (file, done) => {
            await importOne(deps, ctx, file, report, changes)
            ctx.progress('importing', done / entries.files.length)
          },
          ctx.signal
        )
      } finally {
        changes.flush()
      }
      return report
    }
  })
}

async function importOne(
  deps: { importer: Importer; stagingDir: string },
  ctx: JobContext,
  file: string,
  report: ImportReport,
  changes: ChangeBatcher
): Promise<void> {
  const staged = isInside(deps.stagingDir, file)
  try {
    const { asset, duplicate } = await deps.importer.importFile(file, {
      signal: ctx.signal,
      uploaded: staged
    })
    if (duplicate) report.duplicates.push({ path: file, assetId: asset.id })
    else {
      report.imported.push({ path: file, assetId: asset.id })
      changes.add(asset.id)
    }
    // A duplicate whose preview an interrupted run never made gets it now (or adopts the job that
    // is still queued for it), so this import is not done before its files are.
    if (!duplicate || asset.thumb.state === 'pending')
      ctx.enqueueChild({
        kind: THUMBNAIL_JOB,
        title: asset.name,
        payload: { assetId: asset.id },
        assetId: asset.id,
        dedupeKey: `${THUMBNAIL_JOB}:${asset.id}`
      })
  } catch (error) {
    if (ctx.signal.aborted) throw error
    const info = toErrorInfo(error)
    report.failed.push({ path: file, code: info.code, message: info.message })
  } finally {
    // Uploaded copies (web UI) live in staging/<id>/name; the library keeps its own copy.
    if (staged) await rm(dirname(file), { recursive: true, force: true })
  }
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}
