import type { Command } from 'commander'
import { AppError } from '@shared/errors'
import { withApp, type GlobalOptions } from '../context'
import { importOne, jobFailure, positiveInt, waitForJob } from '../import-one'
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
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: true }, async (ctx) => {
          const maxFrames = positiveInt(options.max, '--max')
          const maxSize = positiveInt(options.size, '--size')
          const assetId = await importOne(ctx, video)
          const force = Boolean(options.force)
          const { jobId } = await ctx.call('video.keyframes', { assetId, maxFrames, maxSize, force })
          const job = await waitForJob(ctx, jobId)
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
