import type { Command } from 'commander'
import type { Job } from '@shared/domain/job'
import { AppError } from '@shared/errors'
import { withApp, type CommandContext, type GlobalOptions } from '../context'
import { importFirst, jobFailure, positiveInt, waitForJob } from '../import-one'
import { EXIT_OK } from '../output'

interface KeyframesOptions extends GlobalOptions {
  max: string
  size: string
  force?: boolean
}

export function registerKeyframes(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('keyframes')
    .description('import a video (if needed) and select scene-aware keyframes within a budget')
    .argument('<video>', 'video file')
    .option('--max <n>', 'most frames to keep', '32')
    .option('--size <px>', 'longest side of stored frames', '1024')
    .option('--force', 'select again even if frames for these options are stored')
    .option('--json', 'print one JSON document')
    .action((video: string, options: KeyframesOptions) => {
      const all: KeyframesOptions = { ...program.opts(), ...options }
      run(
        withApp(all, { runJobs: true }, async (ctx) => {
          const maxFrames = positiveInt(options.max, '--max')
          const maxSize = positiveInt(options.size, '--size')
          const stopTimeline = all.verbose ? timeline(ctx) : () => undefined
          // Keyframes start as soon as the asset exists; its thumbnail is made alongside.
          const { assetId, settled } = await importFirst(ctx, video)
          const force = Boolean(options.force)
          const job = await selectFrames(ctx, { assetId, maxFrames, maxSize, force }).finally(settled)
          stopTimeline()
          if (job.state !== 'succeeded') throw jobFailure(job, 'The keyframe job')
          const set = await ctx.call('video.frames', { assetId, options: { maxFrames, maxSize } })
          if (!set) throw new AppError('INTERNAL', 'The keyframes were not stored.')
          const frames = set.frames.map((f) => ({
            t: f.t,
            path: ctx.libraryFile(f.path),
            width: f.width,
            height: f.height,
            reason: f.reason
          }))
          const document = {
            assetId,
            durationS: set.durationS,
            strategy: set.strategy,
            strategyReason: set.strategyReason,
            frames,
            elapsedMs: set.elapsedMs
          }
          ctx.out.result(document, () =>
            [
              `${frames.length} frame(s) by ${set.strategy} (${set.strategyReason}) in ${set.elapsedMs} ms`,
              ...frames.map(
                (f) =>
                  `${f.t.toFixed(2).padStart(8)} s  ${f.width}×${f.height}  ${f.reason.padEnd(8)} ${f.path}`
              )
            ].join('\n')
          )
          return EXIT_OK
        })
      )
    })
}

async function selectFrames(
  ctx: CommandContext,
  input: { assetId: string; maxFrames: number; maxSize: number; force: boolean }
): Promise<Job> {
  const { jobId } = await ctx.call('video.keyframes', input)
  return waitForJob(ctx, jobId)
}

/** With --verbose: each job's stages on stderr, in ms since the process started. */
function timeline(ctx: CommandContext): () => void {
  const stamp = (what: string): void =>
    ctx.out.progress(`${Math.round(performance.now()).toString().padStart(6)} ms  ${what}`)
  stamp('core open')
  const seen = new Set<string>()
  return ctx.on('job.updated', (job) => {
    const what = `${job.kind}: ${job.state === 'running' ? (job.stage ?? 'running') : job.state}`
    if (!seen.has(`${job.id} ${what}`)) stamp(what)
    seen.add(`${job.id} ${what}`)
  })
}
