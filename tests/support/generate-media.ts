import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp, { type Sharp } from 'sharp'

function ffmpeg(args: string[]): void {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'utf8'
  })
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`)
}

const LOOKS = ['testsrc2', 'smptebars', 'rgbtestsrc', 'mandelbrot', 'yuvtestsrc', 'testsrc']

export interface VideoSpec {
  durationS: number
  /** Scene changes (s); each scene shows a different test pattern under a slow pan. */
  cuts?: number[]
  width?: number
  height?: number
  fps?: number
  /** Keyframe interval in frames; 1 = all-intra, a huge value = a single keyframe. */
  gop: number
  audio?: boolean
  /** A slow camera pan over each still (default), or a perfectly still picture. */
  pan?: boolean
}

/** A small H.264 video with known cuts, made by ffmpeg at test time. */
export function makeVideo(dir: string, name: string, spec: VideoSpec): string {
  const file = join(dir, name)
  const { width = 320, height = 180, fps = 30 } = spec
  const edges = [0, ...(spec.cuts ?? []), spec.durationS]
  const inputs = edges.slice(1).flatMap((end, i) => {
    const length = end - (edges[i] as number)
    const look = LOOKS[i % LOOKS.length] as string
    const speed = spec.pan === false ? 0 : 1
    const pan = `crop=${width}:${height}:x='${(i * 13) % 40}+t*${4 * speed}':y='${(i * 7) % 30}+t*${2 * speed}'`
    const source = `${look}=s=${width + 120}x${height + 80}:r=${fps},trim=end_frame=1,loop=loop=-1:size=1,fps=${fps},trim=duration=${length.toFixed(3)},setpts=N/${fps}/TB,${pan},setsar=1,format=yuv420p`
    return ['-f', 'lavfi', '-i', source]
  })
  const scenes = edges.length - 1
  const concat = `${Array.from({ length: scenes }, (_, i) => `[${i}:v]`).join('')}concat=n=${scenes}:v=1:a=0[v]`
  const audio = spec.audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${spec.durationS}`] : []
  ffmpeg([
    ...inputs,
    ...audio,
    '-filter_complex',
    concat,
    '-map',
    '[v]',
    ...(spec.audio ? ['-map', `${scenes}:a`, '-c:a', 'aac'] : []),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-x264-params',
    `keyint=${spec.gop}:min-keyint=${spec.gop}:scenecut=0`,
    '-t',
    String(spec.durationS),
    file
  ])
  return file
}

/** Speech-like audio: tone bursts separated by silences at known times. */
export function makeAudio(
  dir: string,
  name: string,
  durationS: number,
  silenceEveryS: number,
  silenceS: number
): string {
  const file = join(dir, name)
  const expr = `0.3*sin(2*PI*300*t)*gt(mod(t\\,${silenceEveryS})\\,${silenceS})`
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=${expr}:s=44100:d=${durationS}`,
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    file
  ])
  return file
}

/** A JPEG whose header claims width × height (a decompression bomb) but holds a tiny image. */
export async function makeHugeHeaderJpeg(dir: string, width: number, height: number): Promise<string> {
  const data = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer()
  for (let i = 0; i < data.length - 9; i += 1) {
    if (data[i] === 0xff && (data[i + 1] === 0xc0 || data[i + 1] === 0xc2)) {
      data.writeUInt16BE(height, i + 5)
      data.writeUInt16BE(width, i + 7)
      break
    }
  }
  const file = join(dir, 'bomb.jpg')
  writeFileSync(file, data)
  return file
}

/**
 * A JPEG that shows the upright reference once its EXIF orientation (1–8) is applied: the stored
 * pixels are the inverse transform of the reference, as a camera would have written them.
 */
export async function makeOrientedJpeg(dir: string, orientation: number): Promise<string> {
  const file = join(dir, `orient-${orientation}.jpg`)
  const raw = { raw: { width: 120, height: 80, channels: 3 as const } }
  const step = async (input: Buffer, info: { width: number; height: number }, op: (s: Sharp) => Sharp) => {
    const out = await op(sharp(input, { raw: { ...info, channels: 3 } }))
      .raw()
      .toBuffer({ resolveWithObject: true })
    return { data: out.data, info: { width: out.info.width, height: out.info.height } }
  }
  let image = { data: uprightPixels(), info: { width: 120, height: 80 } }
  const inverse: Record<number, ((s: Sharp) => Sharp)[]> = {
    1: [],
    2: [(s) => s.flop()],
    3: [(s) => s.rotate(180)],
    4: [(s) => s.flip()],
    5: [(s) => s.rotate(90), (s) => s.flop()],
    6: [(s) => s.rotate(270)],
    7: [(s) => s.rotate(90), (s) => s.flip()],
    8: [(s) => s.rotate(90)]
  }
  for (const op of inverse[orientation] ?? []) image = await step(image.data, image.info, op)
  await sharp(image.data, { raw: { ...image.info, channels: raw.raw.channels } })
    .withMetadata({ orientation })
    .jpeg({ quality: 95 })
    .toFile(file)
  return file
}

/** The upright reference: red top-left, green top-right, blue bottom-left on grey. */
export function uprightPixels(): Buffer {
  const width = 120
  const height = 80
  const pixels = Buffer.alloc(width * height * 3, 128)
  const paint = (x0: number, y0: number, rgb: [number, number, number]): void => {
    for (let y = y0; y < y0 + 30; y += 1)
      for (let x = x0; x < x0 + 40; x += 1) pixels.set(rgb, (y * width + x) * 3)
  }
  paint(0, 0, [255, 0, 0])
  paint(80, 0, [0, 255, 0])
  paint(0, 50, [0, 0, 255])
  return pixels
}

/** A 6 s HEVC video with AAC sound, the way phones record (made by ffmpeg at test time). */
export function makeHevcVideo(dir: string): string {
  const file = join(dir, 'phone.mp4')
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=6'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=6'],
    ...['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1'],
    ...['-c:a', 'aac', file]
  ])
  return file
}

/** A 3 s full-range 4:2:2 Motion JPEG video, the way many cameras record (made at test time). */
export function makeCameraMjpeg(dir: string): string {
  const file = join(dir, 'camera.avi')
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=10:d=3'],
    ...['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj422p', file]
  ])
  return file
}
