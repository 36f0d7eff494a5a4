import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

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

/**
 * Share of cuts with a selected frame at most `windowS` after them. `beforeS` forgives a frame
 * stamped slightly early: 0.05 s for cut times that are only nominal (a generated video's, ffmpeg's
 * filter output); cuts verified to the frame use ~0, so the last frame of the old shot never counts.
 */
export function recall(
  cuts: readonly number[],
  frames: readonly number[],
  windowS = 1,
  beforeS = 0.05
): number {
  if (cuts.length === 0) return 1
  const hit = cuts.filter((cut) => frames.some((t) => t >= cut - beforeS && t <= cut + windowS)).length
  return hit / cuts.length
}

/** Frame times are exact to the millisecond in the verified list: a frame at the cut is the new shot. */
export const VERIFIED_CUT_TOLERANCE_S = 0.0005

export interface VerifiedCuts {
  /** Times of the first frame of each new shot, seconds. */
  cuts: number[]
  /** What ffmpeg's select=gt(scene,0.3) reported when the list was made. */
  filterDetections: number[]
  verifiedBy: string
}

const VERIFIED_LISTS = [
  resolve(__dirname, '..', '..', 'tests', 'fixtures', 'media', 'video', 'tears-of-steel-cuts.json')
]

/**
 * The cut list verified by looking at the frames (tests/fixtures/media/video/tears-of-steel-cuts.json),
 * when `file` is the video it was made for (same sha256); null for any other file.
 */
export function verifiedCuts(file: string): VerifiedCuts | null {
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex')
  for (const list of VERIFIED_LISTS) {
    const doc = JSON.parse(readFileSync(list, 'utf8')) as {
      videoSha256: string
      verifiedBy: string
      cuts: { t: number }[]
      ffmpegSceneFilter: { detections: number[] }
    }
    if (doc.videoSha256 !== digest) continue
    return {
      cuts: doc.cuts.map((c) => c.t),
      filterDetections: doc.ffmpegSceneFilter.detections,
      verifiedBy: doc.verifiedBy
    }
  }
  return null
}
