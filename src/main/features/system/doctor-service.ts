import { constants } from 'node:fs'
import { access, statfs } from 'node:fs/promises'
import type { DoctorReport } from '@shared/domain/doctor'
import type { ToolBinary } from '../../platform/ffmpeg/binaries'
import type { Db } from '../../store/database'
import type { MediaTools } from '../../platform/ffmpeg/media-tools'
import { lazyModule } from '../../platform/lazy-module'

const sharp = lazyModule<typeof import('sharp').default>('sharp')

export class DoctorService {
  constructor(private readonly deps: { db: Db; media: MediaTools; dataDir: string; version: string }) {}

  async report(): Promise<DoctorReport> {
    const binaries = await this.deps.media.binaries()
    return {
      app: {
        version: this.deps.version,
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`
      },
      ffmpeg: toReport(binaries.ffmpeg),
      ffprobe: toReport(binaries.ffprobe),
      sharp: sharpReport(),
      sqlite: this.sqliteReport(),
      dataDir: await dataDirReport(this.deps.dataDir)
    }
  }

  private sqliteReport(): DoctorReport['sqlite'] {
    const version = (this.deps.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
    let fts5Trigram = true
    try {
      this.deps.db.exec(
        `CREATE VIRTUAL TABLE temp.doctor_fts USING fts5(x, tokenize = 'trigram'); DROP TABLE temp.doctor_fts;`
      )
    } catch {
      fts5Trigram = false
    }
    const journalMode = String(this.deps.db.pragma('journal_mode', { simple: true }))
    return { version, fts5Trigram, journalMode }
  }
}

function toReport(binary: ToolBinary): DoctorReport['ffmpeg'] {
  return {
    path: binary.path,
    version: binary.version,
    source: binary.source,
    ok: binary.ok,
    ...(binary.error ? { error: binary.error } : {})
  }
}

function sharpReport(): DoctorReport['sharp'] {
  const formats: Record<string, boolean> = {}
  for (const [name, info] of Object.entries(sharp().format)) formats[name] = Boolean(info.input.file)
  return { version: sharp().versions.sharp ?? 'unknown', libvips: sharp().versions.vips, formats }
}

async function dataDirReport(path: string): Promise<DoctorReport['dataDir']> {
  const writable = await access(path, constants.W_OK).then(
    () => true,
    () => false
  )
  const freeBytes = await statfs(path).then(
    (fs) => fs.bavail * fs.bsize,
    () => null
  )
  return { path, writable, freeBytes }
}
