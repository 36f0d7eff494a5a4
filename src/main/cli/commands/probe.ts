import type { Command } from 'commander'
import type { ProbeReport } from '@shared/domain/probe'
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
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const report = await call('media.probe', { path: file })
          out.result(report, () => describe(report))
          return EXIT_OK
        })
      )
    })
}

function describe(probe: ProbeReport): string {
  const keyframes = probe.keyframes
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
