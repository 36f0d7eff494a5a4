import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

const Facts = z.object({
  /** `-version`, parsed. */
  version: z
    .object({ version: z.string().nullable(), major: z.number().nullable(), year: z.number().nullable() })
    .optional(),
  /** The noise bitstream filter can drop packets by an expression (ffmpeg ≥ 5.0). */
  dropPackets: z.boolean().optional(),
  /** What fluent-ffmpeg checks a command's formats and encoders against. */
  formats: z.record(z.string(), z.object({ canDemux: z.boolean(), canMux: z.boolean() })).optional(),
  encoders: z.record(z.string(), z.object({ type: z.string(), experimental: z.boolean() })).optional()
})

/** What one ffmpeg or ffprobe build says about itself. */
export type BinaryFacts = z.infer<typeof Facts>
/** What the keyframe passes and fluent-ffmpeg need to know about the ffmpeg in use. */
export type FfmpegFeatures = Pick<BinaryFacts, 'dropPackets' | 'formats' | 'encoders'>
type FactName = keyof BinaryFacts
type Fact<K extends FactName> = NonNullable<BinaryFacts[K]>

const Entry = z.object({ size: z.number(), mtimeMs: z.number(), facts: Facts })
type Entry = z.infer<typeof Entry>
const CacheFile = z.object({ version: z.literal(1), binaries: z.record(z.string(), Entry) })
type CacheFile = z.infer<typeof CacheFile>

interface Build {
  size: number
  mtimeMs: number
}

/**
 * Facts about ffmpeg/ffprobe binaries, asked once per build (path, size and mtime) and remembered in
 * a small JSON file in the data folder, so a command starts no process just to learn what the
 * binaries can do (docs/adr/010-fast-start.md). A file that cannot be read is as good as none; a
 * binary that changes (an update keeps the path but not the size or mtime) is asked again.
 */
export class CapabilityCache {
  private stored: Promise<CacheFile> | null = null
  private readonly asked = new Map<string, Promise<unknown>>()
  private writes: Promise<void> = Promise.resolve()

  /** `file` null keeps the facts for this process only. */
  constructor(private readonly file: string | null) {}

  /** One fact about one binary: remembered for this build of it, else asked (once) and written down. */
  fact<K extends FactName>(binary: string, name: K, ask: () => Promise<Fact<K>>): Promise<Fact<K>> {
    const key = `${binary}\u0000${name}`
    let answer = this.asked.get(key) as Promise<Fact<K>> | undefined
    if (!answer) {
      answer = this.findOrAsk(binary, name, ask)
      // A failed question is asked again next time instead of being remembered.
      answer.catch(() => this.asked.delete(key))
      this.asked.set(key, answer)
    }
    return answer
  }

  private async findOrAsk<K extends FactName>(
    binary: string,
    name: K,
    ask: () => Promise<Fact<K>>
  ): Promise<Fact<K>> {
    const build = await buildOf(binary)
    if (!build) return ask()
    const entry = (await this.load()).binaries[binary]
    const known = entry && sameBuild(entry, build) ? entry.facts[name] : undefined
    if (known !== undefined) return known as Fact<K>
    const value = await ask()
    await this.remember(binary, build, { [name]: value })
    return value
  }

  private load(): Promise<CacheFile> {
    this.stored ??= readCache(this.file)
    return this.stored
  }

  /** Merged into what is on disk now (another process may have added facts), then replaced atomically. */
  private remember(binary: string, build: Build, facts: BinaryFacts): Promise<void> {
    const write = async (): Promise<void> => {
      const current = await readCache(this.file)
      const old = current.binaries[binary]
      const kept = old && sameBuild(old, build) ? old.facts : {}
      current.binaries[binary] = { ...build, facts: { ...kept, ...facts } }
      this.stored = Promise.resolve(current)
      if (this.file) await writeAtomically(this.file, `${JSON.stringify(current)}\n`)
    }
    // Writes go one after another; a data folder that cannot be written only costs the next run.
    this.writes = this.writes.then(write).catch(() => undefined)
    return this.writes
  }
}

async function buildOf(binary: string): Promise<Build | null> {
  try {
    const info = await stat(binary)
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null
  } catch {
    return null
  }
}

function sameBuild(entry: Entry, build: Build): boolean {
  return entry.size === build.size && entry.mtimeMs === build.mtimeMs
}

async function readCache(file: string | null): Promise<CacheFile> {
  const empty: CacheFile = { version: 1, binaries: {} }
  if (!file) return empty
  try {
    const parsed = CacheFile.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : empty
  } catch {
    return empty
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${randomUUID()}.tmp`
  try {
    await writeFile(temp, text)
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
}
