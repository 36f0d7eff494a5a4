// npm run bench:library — the library at 100,000 assets against an empty library, in the same run:
// search through the router, first and last pages, the CLI end to end, and the Library page's
// first card in Chromium. Every figure is the median of three runs.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createApp, type FramewiseApp } from '../../src/main/app/create-app'
import { MemorySecretStore } from '../../src/main/platform/secrets/secret-store'
import { planSearch } from '../../src/main/store/search-query'
import { firstCardBench } from './library-page'
import { seededLibrary } from './library-seed'

const ROOT = resolve(__dirname, '..', '..')
const COUNT = Number(process.env.BENCH_LIBRARY_ASSETS ?? 100_000)
const RUNS = 3
const PAGE = 200
// File-name words (several languages), camera prefixes, codecs, containers, years, transcript words.
const LONG_QUERIES = [
  'beach',
  'wedding',
  'Urlaub',
  'vacances',
  'cumpleaños',
  'Screen Recording',
  'WhatsApp',
  'PXL_2024',
  'IMG_2023',
  'GOPR',
  'DJI_00',
  'hevc',
  'h264',
  'prores',
  'opus',
  'jpeg',
  'mp4',
  'mkv',
  'video',
  '2019',
  '2024',
  '20240512',
  '视频分析',
  '产品发布会',
  '卒業式',
  'encoder',
  'keynote',
  'beach 2024'
]
const CJK_QUERIES = ['会议', '分析', '猫', '婚礼', '春节', '视频', '孩子', '桜', '旅行', '海边']
const CLI_QUERY = 'beach'

interface Figure {
  label: string
  empty: number | null
  seeded: number
  target: string
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1))

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

function open(dataDir: string): FramewiseApp {
  // As the CLI and the packaged app run it: outputs are not re-validated (strict: false).
  return createApp({
    dataDir,
    version: 'bench',
    secretStore: new MemorySecretStore(),
    strict: false,
    runJobs: false
  })
}

interface Page {
  items: unknown[]
  total: number
  totalIsLowerBound?: boolean
  nextCursor?: string | null
}

async function list(app: FramewiseApp, input: Record<string, unknown>): Promise<{ ms: number; page: Page }> {
  const started = performance.now()
  const result = await app.router.handle('library.list', input)
  const ms = performance.now() - started
  if (!result.ok)
    throw new Error(`library.list ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`)
  return { ms, page: result.data as Page }
}

/** p50 and p95 of one pass over the queries, per run; the medians of the runs count. */
async function searchLatency(app: FramewiseApp, queries: string[]): Promise<{ p50: number; p95: number }> {
  for (const search of queries) await list(app, { search, limit: PAGE }) // warm-up: statements, page cache
  const p50: number[] = []
  const p95: number[] = []
  for (let run = 0; run < RUNS; run += 1) {
    const times: number[] = []
    for (const search of queries) times.push((await list(app, { search, limit: PAGE })).ms)
    p50.push(percentile(times, 50))
    p95.push(percentile(times, 95))
  }
  return { p50: median(p50), p95: median(p95) }
}

/** The road not taken (ADR 013): FTS5 bm25 order over every match, the same queries, raw SQL. */
function rankLatency(app: FramewiseApp): { p50: number; p95: number } {
  const rank = app.db.prepare(
    `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ${PAGE}`
  )
  const expressions = LONG_QUERIES.map((q) => planSearch(q)).flatMap((plan) =>
    plan.mode === 'match' ? [plan.match] : []
  )
  const p50: number[] = []
  const p95: number[] = []
  for (let run = 0; run <= RUNS; run += 1) {
    const times = expressions.map((match) => {
      const started = performance.now()
      rank.all(match)
      return performance.now() - started
    })
    if (run === 0) continue // warm-up
    p50.push(percentile(times, 50))
    p95.push(percentile(times, 95))
  }
  return { p50: median(p50), p95: median(p95) }
}

/** The cursor that fetches the last page, found by walking every page (the walk is not timed). */
async function lastCursor(
  app: FramewiseApp,
  input: Record<string, unknown>
): Promise<{ cursor?: string } | null> {
  let cursor: string | undefined
  for (;;) {
    const { page } = await list(app, { ...input, limit: PAGE, cursor })
    if (page.nextCursor === undefined) return null // a build without keyset pagination
    if (!page.nextCursor) return { cursor }
    cursor = page.nextCursor
  }
}

async function timedMedian(run: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) times.push(await run())
  return median(times)
}

interface Pages {
  label: string
  total: string
  first: number
  last: number | null
  offset: number
}

async function pages(app: FramewiseApp, label: string, search?: string): Promise<Pages> {
  const base = search ? { search } : {}
  const { page } = await list(app, { ...base, limit: PAGE })
  const first = await timedMedian(async () => (await list(app, { ...base, limit: PAGE })).ms)
  const last = await lastCursor(app, base)
  const lastMs = last
    ? await timedMedian(async () => (await list(app, { ...base, limit: PAGE, cursor: last.cursor })).ms)
    : null
  const offset = Math.max(0, page.total - PAGE)
  const offsetMs = await timedMedian(async () => (await list(app, { ...base, limit: PAGE, offset })).ms)
  return {
    label,
    total: `${page.total}${page.totalIsLowerBound ? '+' : ''}`,
    first,
    last: lastMs,
    offset: offsetMs
  }
}

function printPages(rows: Pages[]): void {
  console.log(
    '\n== Pages of 200: first page, last page by cursor and by offset (ratios recomputed from these columns)'
  )
  console.log(
    `${'list'.padEnd(22)} ${'total'.padStart(8)} ${'first'.padStart(8)} ${'last/cur'.padStart(9)} ${'ratio'.padStart(7)} ${'last/off'.padStart(9)} ${'ratio'.padStart(7)}  target: last ≈ first`
  )
  for (const r of rows) {
    const last = r.last === null ? '—' : fmt(r.last)
    const ratio = r.last === null ? '' : `${(r.last / r.first).toFixed(2)}×`
    console.log(
      `${r.label.padEnd(22)} ${r.total.padStart(8)} ${fmt(r.first).padStart(8)} ${last.padStart(9)} ${ratio.padStart(7)} ${fmt(r.offset).padStart(9)} ${`${(r.offset / r.first).toFixed(2)}×`.padStart(7)}`
    )
  }
}

function run(args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'framewise.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolvePromise({ ms: performance.now() - started, stdout })
        : reject(new Error(`framewise ${args.join(' ')}: ${stderr}`))
    )
  })
}

async function cliBench(empty: string, seeded: string): Promise<Figure> {
  const args = (dir: string) => ['library', '--search', CLI_QUERY, '--json', '--data-dir', dir]
  await run(args(empty)) // creates the empty library once, so both sides only open and read
  await run(args(seeded))
  const times = { empty: [] as number[], seeded: [] as number[] }
  for (let i = 0; i < RUNS; i += 1) {
    times.empty.push((await run(args(empty))).ms)
    times.seeded.push((await run(args(seeded))).ms)
  }
  return {
    label: `CLI library --search ${CLI_QUERY} --json (process wall)`,
    empty: median(times.empty),
    seeded: median(times.seeded),
    target: '≤ 1.5× empty'
  }
}

function print(title: string, figures: Figure[]): void {
  console.log(`\n== ${title}`)
  console.log(
    `${'measure'.padEnd(52)} ${'empty'.padStart(9)} ${`${COUNT / 1000}k`.padStart(9)} ${'ratio'.padStart(7)}  target`
  )
  for (const f of figures) {
    const ratio = f.empty ? `${(f.seeded / f.empty).toFixed(2)}×` : ''
    const empty = f.empty === null ? '—' : fmt(f.empty)
    console.log(
      `${f.label.padEnd(52)} ${empty.padStart(9)} ${fmt(f.seeded).padStart(9)} ${ratio.padStart(7)}  ${f.target}`
    )
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const { dataDir, fresh } = seededLibrary(ROOT, COUNT)
  const seedNote = fresh ? `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'cached'
  const size = statSync(join(dataDir, 'library.db')).size / 1e6
  console.log(`library: ${COUNT} assets, ${size.toFixed(0)} MB (${seedNote}) at ${dataDir}`)
  console.log(`times in ms, median of ${RUNS} runs; page size ${PAGE}; router in-process, strict: false`)
  console.log('ratio columns are recomputed from the columns printed before them')
  const emptyDir = mkdtempSync(join(tmpdir(), 'bench-library-empty-'))
  try {
    const emptyApp = open(emptyDir)
    const app = open(dataDir)
    try {
      const count = (await list(app, { limit: 1 })).page
      console.log(`library.list total: ${count.total}${count.totalIsLowerBound ? '+' : ''}`)
      const [emptyLong, long, emptyCjk, cjk] = [
        await searchLatency(emptyApp, LONG_QUERIES),
        await searchLatency(app, LONG_QUERIES),
        await searchLatency(emptyApp, CJK_QUERIES),
        await searchLatency(app, CJK_QUERIES)
      ]
      print(
        `RPC library.list search (${LONG_QUERIES.length} queries of 3+ characters, ${CJK_QUERIES.length} CJK of 1–2)`,
        [
          { label: 'search 3+ chars p50', empty: emptyLong.p50, seeded: long.p50, target: '' },
          { label: 'search 3+ chars p95', empty: emptyLong.p95, seeded: long.p95, target: '≤ 20 ms' },
          { label: 'search 1–2 CJK chars p50', empty: emptyCjk.p50, seeded: cjk.p50, target: '' },
          { label: 'search 1–2 CJK chars p95', empty: emptyCjk.p95, seeded: cjk.p95, target: '≤ 50 ms' }
        ]
      )
      const [emptyRank, rank] = [rankLatency(emptyApp), rankLatency(app)]
      print('Not used, for comparison (ADR 013): bm25 ORDER BY rank over every match, raw SQL, ids only', [
        { label: 'bm25 rank 3+ chars p50', empty: emptyRank.p50, seeded: rank.p50, target: '' },
        { label: 'bm25 rank 3+ chars p95', empty: emptyRank.p95, seeded: rank.p95, target: '' }
      ])
      printPages([
        await pages(app, 'browse (no search)'),
        await pages(app, 'search "video"', 'video'),
        await pages(app, 'search "beach"', 'beach'),
        await pages(app, 'search "会议"', '会议')
      ])
    } finally {
      await app.close()
      await emptyApp.close()
    }
    if (
      !existsSync(join(ROOT, 'out', 'main', 'cli.js')) ||
      !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))
    ) {
      console.log(
        '\nout/main/cli.js or out/renderer is missing: run `npm run build` for the CLI and Library page figures.'
      )
      return
    }
    const built = statSync(join(ROOT, 'out', 'main', 'cli.js')).mtime.toISOString()
    print(`CLI, process start to exit (the empty library exists already; out/main/cli.js built ${built})`, [
      await cliBench(emptyDir, dataDir)
    ])
    const browser = await firstCardBench(ROOT, emptyDir, dataDir, RUNS)
    print('Library page in Chromium, cold load to first card (empty: to the empty state)', [
      {
        label: 'first card after load (performance.now)',
        empty: browser.empty,
        seeded: browser.seeded,
        target: '≤ 1000 ms'
      }
    ])
  } finally {
    rmSync(emptyDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
