// npm run bench:media — figures measured in one run, each against a baseline measured in the same run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { prepareAudio } from '../../src/main/media/audio/audio-prep'
import { resolveMediaBinaries, type MediaBinaries } from '../../src/main/platform/ffmpeg/binaries'
import { prepareImage } from '../../src/main/media/image/image-prep'
import { largestGap } from '../../src/main/media/keyframes/frame-choice'
import { selectKeyframes, type KeyframeResult } from '../../src/main/media/keyframes/keyframes'
import { fullSceneDetection, naiveFpsExtraction, recall } from './baselines'
import { cliBuilt, cliStartBench, clipBench } from './cli'
import { benchAudio, benchClip, benchPhoto, benchVideo } from './generate'

const ROOT = resolve(__dirname, '..', '..')
const CACHE = join(ROOT, '.cache', 'bench')
const QUICK = process.env.BENCH_QUICK === '1'
const OUR_RUNS = 3
const SHARED = join(ROOT, '..', 'shared', 'media')

const fmt = (n: number, digits = 1): string => n.toFixed(digits)
const line = (label: string, value: string): void => console.log(`${label.padEnd(46)} ${value}`)

async function keyframeBench(
  binaries: MediaBinaries,
  file: string,
  cuts: number[] | null,
  durationS: number,
  maxFrames: number,
  label: string
) {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-kf-'))
  try {
    // Ours runs three times (a few seconds each) and the median counts; the first run includes
    // what a fresh process pays once. The baselines take minutes, so one run each.
    const runs: { ms: number; value: KeyframeResult }[] = []
    for (let i = 0; i < OUR_RUNS; i += 1) {
      runs.push(await timed(() => selectKeyframes(binaries, file, { maxFrames, tmpDir: tmp })))
    }
    const ours = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as (typeof runs)[number]
    const naive = await naiveFpsExtraction(file, maxFrames, durationS)
    const scenes = await fullSceneDetection(file)
    const reference = cuts ?? scenes.value
    const times = ours.value.frames.map((f) => f.t)
    console.log(
      `\n== keyframes: ${label} (${fmt(durationS, 0)} s, budget ${maxFrames}, ${reference.length} ${cuts ? 'known' : 'scene>0.3'} cuts)`
    )
    line('strategy', `${ours.value.strategy} — ${ours.value.strategyReason}`)
    line(
      `ours: wall time, median of ${runs.length}`,
      `${fmt(ours.ms, 0)} ms, ${times.length} frames (runs: ${runs.map((r) => fmt(r.ms, 0)).join(', ')} ms)`
    )
    line(
      'naive fps=N/duration (full decode): wall time',
      `${fmt(naive.ms, 0)} ms, ${naive.value.length} frames`
    )
    line('full-decode scene detection: wall time', `${fmt(scenes.ms, 0)} ms`)
    line('speed-up vs naive fps', `${fmt(naive.ms / ours.ms)}×`)
    line('speed-up vs full scene detection', `${fmt(scenes.ms / ours.ms)}×`)
    line('scene-cut recall (frame ≤ 1 s after cut): ours', `${fmt(100 * recall(reference, times))} %`)
    line('scene-cut recall: naive fps', `${fmt(100 * recall(reference, naive.value))} %`)
    line(
      'largest gap: ours / limit (2 × duration ÷ budget)',
      `${fmt(largestGap(times, durationS))} s / ${fmt((2 * durationS) / maxFrames)} s`
    )
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

async function imageBench(photo: string) {
  const runs = 10
  await prepareImage(photo, { model: 'gpt-4o', detail: 'high' })
  const sequential = await timed(async () => {
    let last = await prepareImage(photo, { model: 'gpt-4o', detail: 'high' })
    for (let i = 1; i < runs; i += 1) last = await prepareImage(photo, { model: 'gpt-4o', detail: 'high' })
    return last
  })
  const batch = 16
  const parallel = await timed(async () => {
    const queue = Array.from({ length: batch }, (_, i) => i)
    const worker = async () => {
      while (queue.shift() !== undefined) await prepareImage(photo, { model: 'gpt-4o', detail: 'high' })
    }
    await Promise.all([worker(), worker()])
  })
  const out = sequential.value
  console.log(`\n== image prep: 12-megapixel JPEG → gpt-4o detail:high`)
  line('output', `${out.width}×${out.height} JPEG, ${out.tokens} input tokens`)
  line('ms per photo, one at a time', fmt(sequential.ms / runs))
  line('ms per photo, folder of 16 (2 in flight)', fmt(parallel.ms / batch))
  line(
    'output / input bytes',
    `${fmt((100 * out.bytes) / out.inputBytes, 2)} % (${out.bytes} / ${out.inputBytes})`
  )
}

async function audioBench(binaries: MediaBinaries, file: string, durationS: number) {
  const work = mkdtempSync(join(tmpdir(), 'bench-audio-'))
  try {
    const prepared = await timed(() => prepareAudio(binaries, file, { workDir: work }))
    const hours = prepared.value.durationS / 3600
    const pieces = prepared.value.pieces
    console.log(
      `\n== audio prep: ${fmt(durationS / 60, 0)} min of 44.1 kHz stereo AAC → 16 kHz mono ${prepared.value.codec}`
    )
    line(
      'wall time',
      `${fmt(prepared.ms / 1000, 2)} s (${fmt(prepared.ms / 1000 / hours, 2)} s per hour of audio)`
    )
    line('speed', `${fmt(prepared.value.durationS / (prepared.ms / 1000), 0)}× realtime`)
    line('bytes per hour', `${fmt(prepared.value.bytes / hours / 1e6, 2)} MB`)
    line(
      'pieces',
      `${pieces.length}, longest ${fmt(Math.max(...pieces.map((p) => p.durationS)))} s (cap 1380), largest ${fmt(Math.max(...pieces.map((p) => p.bytes)) / 1048576, 2)} MiB (cap 24)`
    )
    line(
      'silences found / waveform peaks',
      `${prepared.value.silences.length} / ${prepared.value.peaks.length}`
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}

async function main() {
  const binaries = await resolveMediaBinaries({})
  console.log(
    `ffmpeg ${binaries.ffmpeg.version} (${binaries.ffmpeg.source}), node ${process.version}, ${QUICK ? 'QUICK mode' : 'full run'}`
  )
  if (cliBuilt(ROOT)) {
    await cliStartBench(ROOT)
    await clipBench(ROOT, benchClip(CACHE), 32)
  } else {
    console.log('\n(CLI figures skipped: run `npm run build` first)')
  }
  const video = benchVideo(CACHE, QUICK ? 120 : 600)
  await keyframeBench(
    binaries,
    video.file,
    video.cuts,
    video.durationS,
    QUICK ? 16 : 64,
    'generated 1080p30 H.264, 2 s GOP, cuts on and inside GOPs'
  )
  const tears = [
    join(SHARED, 'video', 'tears-of-steel-battle-clip-medium.webm'),
    join(ROOT, 'tests', 'fixtures', 'media', 'video', 'tears-of-steel-battle-clip-medium.webm')
  ]
  const tearsFile = tears.find((f) => existsSync(f))
  if (tearsFile) await keyframeBench(binaries, tearsFile, null, 70.54, 32, 'Tears of Steel clip (VP8)')
  await imageBench(await benchPhoto(CACHE, join(SHARED, 'image', 'IMG_20180725_163423.jpg')))
  await audioBench(binaries, benchAudio(CACHE, QUICK ? 600 : 3600), QUICK ? 600 : 3600)
  console.log(`\npeak RSS of this process: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
