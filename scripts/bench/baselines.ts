import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Timed<T> {
  ms: number
  value: T
}

const SHOWINFO = /pts_time:(-?[\d.]+)/

/** Runs ffmpeg and collects showinfo timestamps from stderr. */
function ffmpegTimes(args: string[]): Promise<Timed<number[]>> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', ...args], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    const times: number[] = []
    let partial = ''
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        const match = line.includes('Parsed_showinfo') ? SHOWINFO.exec(line) : null
        if (match) times.push(Number(match[1]))
      }
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, value: times })
        : reject(new Error(`ffmpeg exited ${code}`))
    )
  })
}

/** The common recipe: decode every frame, keep N evenly spaced (fps=N/duration), write JPEGs. */
export async function naiveFpsExtraction(
  file: string,
  count: number,
  durationS: number
): Promise<Timed<number[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-naive-'))
  try {
    return await ffmpegTimes([
      '-i',
      file,
      '-map',
      '0:v:0',
      '-vf',
      `fps=${count}/${durationS},scale='min(iw,1024)':-2,showinfo`,
      '-q:v',
      '3',
      '-f',
      'image2',
      join(dir, 'f_%05d.jpg')
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Full-decode scene detection: the reference for cuts and the expensive way to find them. */
export function fullSceneDetection(file: string, threshold = 0.3): Promise<Timed<number[]>> {
  return ffmpegTimes([
    '-i',
    file,
    '-map',
    '0:v:0',
    '-vf',
    `select='gt(scene,${threshold})',showinfo`,
    '-f',
    'null',
    '-'
  ])
}

/** Share of cuts with a selected frame at most `windowS` after them. */
export function recall(cuts: readonly number[], frames: readonly number[], windowS = 1): number {
  if (cuts.length === 0) return 1
  const hit = cuts.filter((cut) => frames.some((t) => t >= cut - 0.05 && t <= cut + windowS)).length
  return hit / cuts.length
}
