import type { Command } from 'commander'
import { readKeyframeIndex } from '../../media/keyframe-index'
import { probeMedia } from '../../media/probe'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_OK, formatDuration } from '../output'

export function registerProbe(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('probe')
    .description('describe a media file: duration, streams, codecs, frame rate, rotation, keyframes')
    .argument('<file>', 'video or audio file')
    .option('--json', 'print one JSON document')
    .action((file: string, options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ app, out }) => {
          const binaries = await app.services.media.binaries()
          const probe = await probeMedia(binaries, file)
          const index = probe.video ? await readKeyframeIndex(binaries, file) : null
          const keyframes = index && {
            count: index.keyframeTimes.length,
            packets: index.count,
            meanGopS: probe.durationS
              ? Math.round((probe.durationS / Math.max(1, index.keyframeTimes.length)) * 1000) / 1000
              : null,
            times: index.keyframeTimes.map((t) => Math.round((t - probe.startTime) * 1000) / 1000)
          }
          out.result({ ...probe, keyframes }, () => describe(probe, keyframes))
          return EXIT_OK
        })
      )
    })
}

function describe(
  probe: Awaited<ReturnType<typeof probeMedia>>,
  keyframes: { count: number; meanGopS: number | null } | null
): string {
  const v = probe.video
  const a = probe.audio
  return [
    `${probe.container}, ${formatDuration(probe.durationS)} (${probe.durationS?.toFixed(3) ?? '?'} s, from ${probe.durationSource})`,
    v
      ? `video: ${v.codec} ${v.width}×${v.height}${v.rotation ? ` rotated ${v.rotation}° → ${v.displayWidth}×${v.displayHeight}` : ''}, ${v.avgFps?.toFixed(3) ?? '?'} fps${v.variableFrameRate ? ' (variable)' : ''}`
      : 'video: none',
    a ? `audio: ${a.codec} ${a.sampleRate ?? '?'} Hz, ${a.channels ?? '?'} ch` : 'audio: none',
    keyframes ? `keyframes: ${keyframes.count}, mean GOP ${keyframes.meanGopS ?? '?'} s` : ''
  ]
    .filter(Boolean)
    .join('\n')
}
