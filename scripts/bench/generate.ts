import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

export interface BenchVideo {
  file: string
  durationS: number
  cuts: number[]
  gopS: number
}

// Each scene is a different still picture under a slow camera pan, like footage of a real scene:
// neighbouring keyframes inside a scene look alike, while every cut changes the whole picture.
const STILLS = [
  'testsrc2=s=2400x1350',
  'life=s=600x338:mold=10:ratio=0.45:seed=SEED,scale=2400:1350:flags=neighbor',
  'cellauto=s=600x338:rule=RULE:random_fill_ratio=0.5:seed=SEED,scale=2400:1350:flags=neighbor',
  'mandelbrot=s=600x338:start_scale=SCALE,scale=2400:1350',
  'gradients=s=2400x1350:seed=SEED',
  'smptehdbars=s=2400x1350',
  'rgbtestsrc=s=2400x1350'
]

function run(args: string[]): void {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed`)
}

/** Cut times: every other cut on a GOP boundary, the rest 0.9 s into a GOP. */
export function benchCuts(durationS: number, gopS: number): number[] {
  const cuts: number[] = []
  let aligned = 0
  for (let i = 0; ; i += 1) {
    aligned += gopS * (5 + ((i * 3) % 6))
    const cut = i % 2 === 0 ? aligned : aligned + 0.9
    if (cut >= durationS - 2) return cuts
    cuts.push(cut)
  }
}

/**
 * A 1080p30 H.264 video with known cut times and fixed 2-second GOPs (no encoder scene-cut
 * keyframes), so half the cuts fall inside a GOP. Cached between runs.
 */
export function benchVideo(dir: string, durationS: number): BenchVideo {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `cuts-v4-${durationS}s-1080p30.mp4`)
  const meta = `${file}.json`
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as BenchVideo
  const gopS = 2
  const cuts = benchCuts(durationS, gopS)
  const edges = [0, ...cuts, durationS]
  const inputs = edges.slice(1).flatMap((end, i) => {
    const length = end - (edges[i] as number)
    const still = (STILLS[i % STILLS.length] as string)
      .replace(/SEED/g, String(1000 + i))
      .replace(/RULE/g, String(30 + ((i * 17) % 90)))
      .replace(/SCALE/g, String(3 / (1 + i)))
    // A steady pan that never wraps (a wrap would be an unintended cut), plus sensor-like grain.
    const pan = `crop=1920:1080:x='${(i * 37) % 170}+t*14':y='${(i * 23) % 110}+t*7',noise=alls=3:allf=t`
    return [
      '-f',
      'lavfi',
      '-i',
      `${still},trim=end_frame=1,loop=loop=-1:size=1,fps=30,trim=duration=${length.toFixed(3)},setpts=N/30/TB,${pan},setsar=1,format=yuv420p`
    ]
  })
  const concat = `${edges
    .slice(1)
    .map((_, i) => `[${i}:v]`)
    .join('')}concat=n=${edges.length - 1}:v=1:a=0[v]`
  const tone = `aevalsrc=0.2*sin(2*PI*330*t)*gt(mod(t\\,7)\\,1.2):s=44100:d=${durationS}`
  run([
    ...inputs,
    '-f',
    'lavfi',
    '-i',
    tone,
    '-filter_complex',
    concat,
    '-map',
    '[v]',
    '-map',
    `${edges.length - 1}:a`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-b:v',
    '6M',
    '-maxrate',
    '8M',
    '-bufsize',
    '12M',
    '-x264-params',
    `keyint=${gopS * 30}:min-keyint=${gopS * 30}:scenecut=0`,
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-t',
    String(durationS),
    '-y',
    file
  ])
  const video: BenchVideo = { file, durationS, cuts, gopS }
  writeFileSync(meta, JSON.stringify(video, null, 2))
  return video
}

const FIXTURE_MEDIA = join(__dirname, '..', '..', 'tests', 'fixtures', 'media')
const TEARS = join(FIXTURE_MEDIA, 'video', 'tears-of-steel-battle-clip-medium.webm')

/**
 * The short clip's 12 scenes: real pictures (shots of the Tears of Steel clip, frames of the other
 * fixture videos, two photos), so each cut changes a detailed picture into another, as cuts in
 * camera footage do, and x264's scene-cut detection sees them. (Synthetic test patterns are cheap
 * to code, and x264 codes a cut into one without a keyframe; the 10-minute video covers cuts
 * inside GOPs.)
 */
const CLIP_SCENES: { file: string; at?: number }[] = [
  { file: TEARS, at: 3 },
  { file: join(FIXTURE_MEDIA, 'video', 'flower.mp4'), at: 2 },
  { file: TEARS, at: 12 },
  { file: join(FIXTURE_MEDIA, 'image', 'Landscape_6.jpg') },
  { file: TEARS, at: 20 },
  { file: join(FIXTURE_MEDIA, 'video', 'friday.mp4'), at: 3 },
  { file: TEARS, at: 28 },
  { file: join(FIXTURE_MEDIA, 'video', 'fire2.mp4'), at: 1 },
  { file: TEARS, at: 38 },
  { file: join(FIXTURE_MEDIA, 'image', 'Portrait_8.jpg') },
  { file: TEARS, at: 55 },
  { file: join(FIXTURE_MEDIA, 'video', 'bbb_642x642_768kbps_30fps_vp9.webm'), at: 1.5 }
]
const CLIP_SCENE_S = 15

/**
 * A 3-minute 720p30 H.264 clip of 12 different 15-second scenes, each a still under a slow pan
 * with grain (like the 10-minute video), encoded with x264's defaults (keyint 250, scene-cut
 * detection on), so its keyframes sit at the cuts as in most edited footage. Cached between runs.
 */
export function benchClip(dir: string): BenchVideo {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `scenes-v3-${CLIP_SCENES.length}x${CLIP_SCENE_S}s-720p30.mp4`)
  const meta = `${file}.json`
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as BenchVideo
  const durationS = CLIP_SCENES.length * CLIP_SCENE_S
  const cuts = CLIP_SCENES.slice(1).map((_, i) => (i + 1) * CLIP_SCENE_S)
  const inputs = CLIP_SCENES.flatMap((scene) => [
    ...(scene.at ? ['-ss', String(scene.at)] : []),
    '-i',
    scene.file
  ])
  const scenes = CLIP_SCENES.map((_, i) => {
    const still =
      'trim=end_frame=1,scale=1600:900:force_original_aspect_ratio=increase,crop=1600:900,setsar=1'
    const pan = `crop=1280:720:x='${(i * 29) % 120}+t*8':y='${(i * 19) % 80}+t*4',noise=alls=3:allf=t`
    return `[${i}:v]${still},loop=loop=-1:size=1,fps=30,trim=duration=${CLIP_SCENE_S},setpts=N/30/TB,${pan},format=yuv420p[s${i}]`
  })
  const concat = `${CLIP_SCENES.map((_, i) => `[s${i}]`).join('')}concat=n=${CLIP_SCENES.length}:v=1:a=0[v]`
  const tone = `aevalsrc=0.2*sin(2*PI*440*t)*gt(mod(t\\,5)\\,1):s=44100:d=${durationS}`
  run([
    ...inputs,
    ...['-f', 'lavfi', '-i', tone, '-filter_complex', [...scenes, concat].join(';')],
    ...['-map', '[v]', '-map', `${CLIP_SCENES.length}:a`, '-c:v', 'libx264', '-c:a', 'aac', '-b:a', '96k'],
    ...['-movflags', '+faststart', '-t', String(durationS), '-y', file]
  ])
  // x264's default GOP: at most 250 frames, plus a keyframe at each cut it detects.
  const video: BenchVideo = { file, durationS, cuts, gopS: 250 / 30 }
  writeFileSync(meta, JSON.stringify(video, null, 2))
  return video
}

/** An hour of speech-like audio (tone bursts with pauses), AAC in M4A. Cached between runs. */
export function benchAudio(dir: string, durationS: number): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `speechlike-${durationS}s.m4a`)
  if (existsSync(file)) return file
  const speech = `aevalsrc=0.25*sin(2*PI*(180+60*sin(2*PI*0.7*t))*t)*gt(mod(t\\,11)\\,1.5)|0.25*sin(2*PI*(180+60*sin(2*PI*0.7*t))*t)*gt(mod(t\\,11)\\,1.5):s=44100:d=${durationS}`
  run(['-f', 'lavfi', '-i', speech, '-c:a', 'aac', '-b:a', '128k', '-y', file])
  return file
}

/** A 12-megapixel photo-like JPEG when the shared corpus is not there. */
export async function benchPhoto(dir: string, shared: string): Promise<string> {
  if (existsSync(shared)) return shared
  const file = join(dir, 'photo-12mp.jpg')
  if (existsSync(file)) return file
  const width = 4048
  const height = 3036
  const noise = Buffer.alloc(width * height * 3)
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24
  await sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(3)
    .modulate({ saturation: 1.4 })
    .jpeg({ quality: 92 })
    .toFile(file)
  return file
}
