import type { Command } from 'commander'
import type { DoctorReport } from '@shared/domain/doctor'
import { withApp, type GlobalOptions } from '../context'
import { EXIT_FAILED, EXIT_OK, formatBytes } from '../output'

export function registerDoctor(program: Command, run: (code: Promise<number>) => void): void {
  program
    .command('doctor')
    .description('check ffmpeg, ffprobe, sharp/libvips, SQLite and the data folder')
    .option('--json', 'print one JSON document')
    .action((options: GlobalOptions) => {
      run(
        withApp({ ...program.opts(), ...options }, { runJobs: false }, async ({ call, out }) => {
          const report = await call('app.doctor', {})
          out.result(report, () => describe(report))
          return report.ffmpeg.ok && report.ffprobe.ok && report.dataDir.writable ? EXIT_OK : EXIT_FAILED
        })
      )
    })
}

function describe(r: DoctorReport): string {
  const tool = (name: string, t: DoctorReport['ffmpeg']): string =>
    t.ok ? `${name}: ${t.version} (${t.source}) ${t.path}` : `${name}: MISSING — ${t.error ?? ''}`
  return [
    `Framewise ${r.app.version} on Node ${r.app.node} (${r.app.platform})`,
    tool('ffmpeg ', r.ffmpeg),
    tool('ffprobe', r.ffprobe),
    `sharp  : ${r.sharp.version} with libvips ${r.sharp.libvips}`,
    `SQLite : ${r.sqlite.version}, FTS5 trigram ${r.sqlite.fts5Trigram ? 'yes' : 'NO'}, journal ${r.sqlite.journalMode}`,
    `Data   : ${r.dataDir.path} (${r.dataDir.writable ? 'writable' : 'NOT writable'}${r.dataDir.freeBytes !== null ? `, ${formatBytes(r.dataDir.freeBytes)} free` : ''})`
  ].join('\n')
}
