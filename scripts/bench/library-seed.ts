// A realistic 100,000-asset library for bench:library, written through the store's own code
// (BlobStore.register, AssetsRepo.insert and upsertSearchDoc, one transaction per batch), so the
// schema, the search rows and the FTS index are the ones the app writes.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../../src/main/app/migrations'
import { AssetsRepo, type NewAsset } from '../../src/main/store/assets-repo'
import { BlobStore } from '../../src/main/store/blob-store'
import { openDatabase } from '../../src/main/store/database'

/** Bump when the generated names change, so a cached library is rebuilt. */
const SEED_VERSION = 1
const BATCH = 5000

const WORDS = {
  en: [
    'beach',
    'sunset',
    'interview',
    'meeting',
    'birthday',
    'wedding',
    'drone',
    'hiking',
    'concert',
    'kitchen',
    'garden',
    'snow',
    'city',
    'harbor',
    'lecture',
    'demo'
  ],
  de: ['Urlaub', 'Strand', 'Geburtstag', 'Hochzeit', 'Wanderung', 'Weihnachten'],
  fr: ['vacances', 'plage', 'anniversaire', 'mariage', 'randonnée', 'réunion'],
  es: ['playa', 'cumpleaños', 'boda', 'montaña', 'entrevista'],
  ja: ['旅行', '花火', '会議', '桜', '卒業式'],
  zh: [
    '风景',
    '旅行',
    '会议',
    '视频',
    '分析',
    '孩子',
    '生日',
    '婚礼',
    '毕业',
    '演讲',
    '采访',
    '产品',
    '发布会',
    '家庭',
    '聚会',
    '春节',
    '海边',
    '日落',
    '猫咪',
    '美食'
  ]
}
const ALL_WORDS = Object.values(WORDS).flat()
const TRANSCRIPT_EN = [
  'so the plan for next quarter is',
  'thanks everyone for joining',
  'we shipped the new encoder',
  'look at the waves over there',
  'happy birthday to you',
  'the keynote starts at nine'
]
const TRANSCRIPT_ZH = [
  '大家好，今天我们来分析一下这个视频',
  '这次产品发布会的重点是',
  '感谢各位参加会议',
  '孩子们在海边玩得很开心',
  '我们下周再讨论预算'
]

const VIDEO = [
  { container: 'MP4/MOV', videoCodec: 'h264', audioCodec: 'aac', mime: 'video/mp4' },
  { container: 'MP4/MOV', videoCodec: 'hevc', audioCodec: 'aac', mime: 'video/quicktime' },
  { container: 'Matroska/WebM', videoCodec: 'vp9', audioCodec: 'opus', mime: 'video/webm' },
  { container: 'Matroska/WebM', videoCodec: 'av1', audioCodec: 'opus', mime: 'video/x-matroska' },
  { container: 'MP4/MOV', videoCodec: 'prores', audioCodec: 'pcm_s16le', mime: 'video/quicktime' }
]
const IMAGE = [
  { format: 'jpeg', mime: 'image/jpeg', ext: 'jpg' },
  { format: 'heif', mime: 'image/heic', ext: 'heic' },
  { format: 'png', mime: 'image/png', ext: 'png' },
  { format: 'webp', mime: 'image/webp', ext: 'webp' }
]
const AUDIO = [
  { format: 'mp3', audioCodec: 'mp3', mime: 'audio/mpeg', ext: 'mp3' },
  { format: 'flac', audioCodec: 'flac', mime: 'audio/flac', ext: 'flac' },
  { format: 'm4a', audioCodec: 'aac', mime: 'audio/mp4', ext: 'm4a' }
]

/** mulberry32: the same library on every machine. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

interface Namer {
  rnd: () => number
  pick<T>(list: readonly T[]): T
}

function namer(seed: number): Namer {
  const rnd = random(seed)
  return { rnd, pick: (list) => list[Math.floor(rnd() * list.length)] as (typeof list)[number] }
}

/** A camera-, phone- or person-made file name for a capture at `when`. */
function fileName(n: Namer, when: Date, ext: string, video: boolean): string {
  const d = when.toISOString()
  const ymd = d.slice(0, 10).replace(/-/g, '')
  const hms = d.slice(11, 19).replace(/:/g, '')
  const num = pad(Math.floor(n.rnd() * 9999), 4)
  const words = () => [n.pick(ALL_WORDS), n.rnd() < 0.5 ? n.pick(ALL_WORDS) : ''].filter(Boolean)
  const styles = [
    () => `${video ? 'VID' : 'IMG'}_${ymd}_${hms}.${ext}`,
    () => `PXL_${ymd}_${hms}${pad(Math.floor(n.rnd() * 999), 3)}.${ext}`,
    () => (video ? `GOPR${num}.MP4` : `DSC${pad(Math.floor(n.rnd() * 99999), 5)}.JPG`),
    () => (video ? `DJI_${num}.MP4` : `IMG_${num}.JPG`),
    () =>
      `${video ? 'Screen Recording' : 'Screenshot'} ${d.slice(0, 10)} at ${d.slice(11, 19).replace(/:/g, '.')}.${ext}`,
    () =>
      `WhatsApp ${video ? 'Video' : 'Image'} ${d.slice(0, 10)} at ${d.slice(11, 19).replace(/:/g, '.')}.${ext}`,
    () => `微信${video ? '视频' : '图片'}_${ymd}${hms}.${ext}`,
    () => `${words().join(' ')} ${d.slice(0, 4)}.${ext}`,
    () => `${words().join('_')}_${ymd}.${ext}`,
    () => `${n.pick(WORDS.zh)}${n.pick(WORDS.zh)} 第${1 + Math.floor(n.rnd() * 30)}期.${ext}`
  ]
  return n.pick(styles)()
}

function asset(n: Namer, i: number, created: Date): { asset: NewAsset; transcript: string | null } {
  const captured = new Date(Date.UTC(2015, 0, 1) + n.rnd() * 11 * 365 * 86_400_000)
  const roll = n.rnd()
  const kind: NewAsset['kind'] = roll < 0.45 ? 'video' : roll < 0.9 ? 'image' : 'audio'
  const hash = `${pad(i, 8)}${'0'.repeat(56)}`.slice(0, 64)
  const base = { id: `bench-${pad(i, 6)}`, hash, sourcePath: null, createdAt: created.toISOString() }
  if (kind === 'video') {
    const v = n.pick(VIDEO)
    const ext =
      v.mime === 'video/webm'
        ? 'webm'
        : v.mime === 'video/x-matroska'
          ? 'mkv'
          : v.mime === 'video/mp4'
            ? 'mp4'
            : 'MOV'
    const [width, height] = n.pick([
      [1920, 1080],
      [3840, 2160],
      [1280, 720],
      [1080, 1920]
    ]) as [number, number]
    const talk = n.rnd() < 0.08
    return {
      asset: {
        ...base,
        kind,
        name: fileName(n, captured, ext, true),
        mime: v.mime,
        sizeBytes: Math.floor(n.rnd() * 4e9),
        durationS: Math.round(n.rnd() * 3600 * 10) / 10,
        width,
        height,
        metadata: {
          container: v.container,
          videoCodec: v.videoCodec,
          audioCodec: v.audioCodec,
          fps: 30,
          hasAudio: true,
          hasVideo: true
        }
      },
      transcript: talk
        ? Array.from({ length: 6 }, () => n.pick(n.rnd() < 0.5 ? TRANSCRIPT_EN : TRANSCRIPT_ZH)).join('. ')
        : null
    }
  }
  if (kind === 'image') {
    const f = n.pick(IMAGE)
    return {
      asset: {
        ...base,
        kind,
        name: fileName(n, captured, f.ext, false),
        mime: f.mime,
        sizeBytes: Math.floor(n.rnd() * 2e7),
        durationS: null,
        width: 4032,
        height: 3024,
        metadata: { format: f.format, hasAlpha: f.format === 'png' }
      },
      transcript: null
    }
  }
  const a = n.pick(AUDIO)
  const title =
    n.rnd() < 0.5
      ? `${n.pick(ALL_WORDS)} ${n.pick(['podcast', 'voice memo', '录音', 'Sprachmemo'])}`
      : undefined
  return {
    asset: {
      ...base,
      kind,
      name: `${n.pick(['Voice ', 'REC_', '录音 ', 'Memo '])}${pad(i % 10_000, 4)}.${a.ext}`,
      mime: a.mime,
      sizeBytes: Math.floor(n.rnd() * 5e7),
      durationS: Math.round(n.rnd() * 7200),
      width: null,
      height: null,
      metadata: { format: a.format, audioCodec: a.audioCodec, hasAudio: true, ...(title ? { title } : {}) }
    },
    transcript: n.rnd() < 0.2 ? Array.from({ length: 4 }, () => n.pick(TRANSCRIPT_ZH)).join('，') : null
  }
}

/** Writes `count` assets into a new library at `dataDir` (its library.db, as the app lays it out). */
function seed(dataDir: string, count: number): void {
  const db = openDatabase({
    file: join(dataDir, 'library.db'),
    backupsDir: join(dataDir, 'backups'),
    migrations: MIGRATIONS
  })
  const blobs = new BlobStore({ db, blobsDir: join(dataDir, 'files'), tmpDir: () => join(dataDir, 'tmp') })
  const assets = new AssetsRepo(db)
  const n = namer(20_260_101)
  // Imported over three years; a folder import gives many assets the same second.
  let clock = Date.UTC(2023, 0, 1)
  try {
    for (let start = 0; start < count; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(count, start + BATCH); i += 1) {
          clock += n.rnd() < 0.7 ? 0 : Math.floor(n.rnd() * 3_000_000)
          const created = new Date(Math.floor(clock / 1000) * 1000)
          const made = asset(n, i, created)
          blobs.register(
            {
              hash: made.asset.hash,
              relPath: `${made.asset.hash.slice(0, 2)}/${made.asset.hash}`,
              size: made.asset.sizeBytes
            },
            made.asset.createdAt
          )
          assets.insert(made.asset)
          if (made.transcript)
            assets.upsertSearchDoc(made.asset.id, 'transcript', made.asset.name, made.transcript)
        }
      })()
    }
  } finally {
    db.close()
  }
}

/** The seeded library's data folder, made once and kept under node_modules/.cache. */
export function seededLibrary(root: string, count: number): { dataDir: string; fresh: boolean } {
  const version = MIGRATIONS.at(-1)?.version ?? 0
  const dir = join(
    root,
    'node_modules',
    '.cache',
    'framewise-bench',
    `library-${count}-s${SEED_VERSION}-v${version}`
  )
  if (existsSync(join(dir, 'ready'))) return { dataDir: dir, fresh: false }
  const building = `${dir}.building`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  seed(building, count)
  writeFileSync(join(building, 'ready'), new Date().toISOString())
  rmSync(dir, { recursive: true, force: true })
  renameSync(building, dir)
  return { dataDir: dir, fresh: true }
}
