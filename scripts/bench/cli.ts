// The `framewise` CLI measured end to end, as a user runs it: process start, the core, import and
// keyframes, against the plain ffmpeg command for the same frame budget, in the same run.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recall } from './baselines'
import type { BenchVideo } from './generate'

const fmt = (n: number, digits = 1): string => n.toFixed(digits)
const line = (label: string, value: string): void => console.log(`${label.padEnd(46)} ${value}`)

interface Run {
  ms: number
  stdout: string
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, stdout })
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`))
    )
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

const runs = (values: number[]): string =>
  `median of ${values.length}: ${fmt(median(values), 0)} ms (${values.map((v) => fmt(v, 0)).join(', ')})`

function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Whether `npm run build` has made the CLI these figures need. */
export function cliBuilt(root: string): boolean {
  return existsSync(join(root, 'out', 'main', 'cli.js'))
}

/** `framewise --help` and `framewise library --json` on an empty library, each five times. */
export async function cliStartBench(root: string): Promise<void> {
  const bin = join(root, 'bin', 'framewise.js')
  const help: number[] = []
  const library: number[] = []
  for (let i = 0; i < 5; i += 1) {
    help.push((await run(process.execPath, [bin, '--help'])).ms)
    const dir = scratch('bench-cli-')
    try {
      library.push((await run(process.execPath, [bin, 'library', '--json', '--data-dir', dir])).ms)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  console.log('\n== CLI cold start (process start to exit)')
  line('framewise --help (target ≤ 200 ms)', runs(help))
  line('framewise library --json, empty (≤ 300 ms)', runs(library))
}

interface KeyframesDocument {
  strategy: string
  strategyReason: string
  frames: { t: number }[]
}

/**
 * `framewise keyframes` on the short clip: into a new library (import + keyframes, every cache
 * cold), into a library that has seen ffmpeg before, and again on the imported file with --force
 * (the selection runs in full; the probe and packet index stored by the first run are reused).
 * The naive command is the one people type: decode everything, keep N evenly spaced JPEGs.
 */
export async function clipBench(root: string, clip: BenchVideo, maxFrames: number): Promise<void> {
  const bin = join(root, 'bin', 'framewise.js')
  const keyframes = (dir: string, extra: string[] = []) =>
    run(process.execPath, [
      bin,
      'keyframes',
      clip.file,
      '--json',
      '--max',
      String(maxFrames),
      '--data-dir',
      dir,
      ...extra
    ])
  const times = { naive: [] as number[], cold: [] as number[], warm: [] as number[], again: [] as number[] }
  let document: KeyframesDocument | null = null
  const dirs: string[] = []
  try {
    // Interleaved, so every way meets the same machine load.
    for (let i = 0; i < 3; i += 1) {
      const out = scratch('bench-naive-')
      dirs.push(out)
      const fps = `fps=${maxFrames}/${fmt(clip.durationS, 0)}`
      const naiveArgs = [
        '-nostdin',
        '-loglevel',
        'error',
        '-i',
        clip.file,
        '-vf',
        fps,
        '-q:v',
        '4',
        join(out, 'out_%03d.jpg')
      ]
      times.naive.push((await run('ffmpeg', naiveArgs)).ms)
      const cold = scratch('bench-cold-')
      const warm = scratch('bench-warm-')
      dirs.push(cold, warm)
      times.cold.push((await keyframes(cold)).ms)
      await run(process.execPath, [bin, 'doctor', '--json', '--data-dir', warm])
      times.warm.push((await keyframes(warm)).ms)
      const again = await keyframes(cold, ['--force'])
      times.again.push(again.ms)
      document = JSON.parse(again.stdout) as KeyframesDocument
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
  const naive = median(times.naive)
  const frames = document?.frames.map((f) => f.t) ?? []
  console.log(
    `\n== CLI end to end: framewise keyframes on ${fmt(clip.durationS, 0)} s 720p30 H.264, ${clip.cuts.length + 1} scenes, x264 defaults (budget ${maxFrames})`
  )
  line('strategy', `${document?.strategy ?? '?'} — ${document?.strategyReason ?? ''}`)
  line(`naive ffmpeg fps=${maxFrames}/duration -q:v 4`, runs(times.naive))
  line('import + keyframes, new library', runs(times.cold))
  line('import + keyframes, library that knows ffmpeg', runs(times.warm))
  line('keyframes --force on the imported file', runs(times.again))
  line('speed-up, imported file (target ≥ 4×)', `${fmt(naive / median(times.again))}×`)
  line('speed-up, import included, new library (≥ 2×)', `${fmt(naive / median(times.cold))}×`)
  line('speed-up, import included, known ffmpeg', `${fmt(naive / median(times.warm))}×`)
  line(
    'scene-cut recall (frame ≤ 1 s after cut)',
    `${fmt(100 * recall(clip.cuts, frames))} %, ${frames.length} frames`
  )
}
