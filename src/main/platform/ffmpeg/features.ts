import { runProcess } from '../process-runner'
import type { CapabilityCache, FfmpegFeatures } from './capabilities'

/**
 * What this ffmpeg build can do, asked once per build and remembered by the cache: the three
 * questions run side by side the first time, and never again while the binary stays the same.
 * A question that fails is left out (and asked again next time).
 */
export async function ffmpegFeatures(binary: string, cache: CapabilityCache): Promise<FfmpegFeatures> {
  const settle = <T>(answer: Promise<T>) => answer.catch(() => undefined)
  const [dropPackets, formats, encoders] = await Promise.all([
    settle(cache.fact(binary, 'dropPackets', () => askDropPackets(binary))),
    settle(cache.fact(binary, 'formats', () => askFormats(binary))),
    settle(cache.fact(binary, 'encoders', () => askEncoders(binary)))
  ])
  return { dropPackets, formats, encoders }
}

export async function askDropPackets(binary: string): Promise<boolean> {
  const { stdout } = await runProcess(binary, ['-hide_banner', '-h', 'bsf=noise'], { timeoutMs: 10_000 })
  return /^\s*-drop\s+<string>/m.test(stdout)
}

/** `ffmpeg -formats`, read the way fluent-ffmpeg reads it (" DE mp4  MP4 (MPEG-4 Part 14)"). */
async function askFormats(binary: string): Promise<NonNullable<FfmpegFeatures['formats']>> {
  const { stdout } = await runProcess(binary, ['-hide_banner', '-formats'], { timeoutMs: 10_000 })
  const formats: NonNullable<FfmpegFeatures['formats']> = {}
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s*([D ])([E ])\s+([^ ]+)\s+(.*)$/.exec(line)
    if (!match || (match[1] !== 'D' && match[2] !== 'E')) continue
    for (const name of (match[3] as string).split(',')) {
      const entry = (formats[name] ??= { canDemux: false, canMux: false })
      entry.canDemux ||= match[1] === 'D'
      entry.canMux ||= match[2] === 'E'
    }
  }
  return formats
}

/** `ffmpeg -encoders` (" V....D libx264  …"): the type and experimental flag fluent-ffmpeg looks at. */
async function askEncoders(binary: string): Promise<NonNullable<FfmpegFeatures['encoders']>> {
  const { stdout } = await runProcess(binary, ['-hide_banner', '-encoders'], { timeoutMs: 10_000 })
  const encoders: NonNullable<FfmpegFeatures['encoders']> = {}
  const types: Record<string, string> = { V: 'video', A: 'audio', S: 'subtitle' }
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s*([VAS.])[F.][S.]([X.])[B.][D.] ([^ ]+) +.*$/.exec(line)
    if (match && match[3] !== '=') {
      encoders[match[3] as string] = {
        type: types[match[1] as string] ?? 'unknown',
        experimental: match[2] === 'X'
      }
    }
  }
  return encoders
}
