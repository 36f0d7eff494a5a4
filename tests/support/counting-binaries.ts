import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export interface CountingBinaries {
  ffmpeg: string
  ffprobe: string
  /** Every run so far, as "tool args…", oldest first. */
  runs(): string[]
  /** Runs since the last call of `mark()`. */
  since(mark: number): string[]
  mark(): number
}

function onPath(tool: string): string {
  const dir = (process.env.PATH ?? '').split(delimiter).find((d) => existsSync(join(d, tool)))
  if (!dir) throw new Error(`${tool} is not on PATH`)
  return join(dir, tool)
}

/**
 * ffmpeg and ffprobe wrapped by scripts that write a line per run to a log and then run the real
 * binaries, so a test can count the processes the app starts (an outcome, not a spy).
 */
export function countingBinaries(dir: string): CountingBinaries {
  const log = join(dir, 'runs.log')
  writeFileSync(log, '')
  const wrap = (tool: string): string => {
    const script = join(dir, tool)
    writeFileSync(script, `#!/bin/sh\necho "${tool} $*" >> '${log}'\nexec '${onPath(tool)}' "$@"\n`)
    chmodSync(script, 0o755)
    return script
  }
  const runs = (): string[] => readFileSync(log, 'utf8').split('\n').filter(Boolean)
  return {
    ffmpeg: wrap('ffmpeg'),
    ffprobe: wrap('ffprobe'),
    runs,
    mark: () => runs().length,
    since: (mark) => runs().slice(mark)
  }
}
