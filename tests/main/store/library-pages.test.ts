import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { COUNT_CAP, type ListQuery } from '../../../src/main/store/asset-list'
import { AssetsRepo, type NewAsset } from '../../../src/main/store/assets-repo'
import { openDatabase, type Db } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp'

function setup() {
  const dir = tempDir()
  const db = openDatabase({
    file: join(dir, 'library.db'),
    backupsDir: join(dir, 'b'),
    migrations: MIGRATIONS
  })
  const repo = new AssetsRepo(db)
  let n = 0
  /** Several assets share a second, as a folder import makes them. */
  const add = (name: string, extra: Partial<NewAsset> = {}): string => {
    n += 1
    const id = `id-${String(n).padStart(5, '0')}`
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(n / 3))).toISOString()
    db.transaction(() => {
      db.prepare('INSERT INTO blobs (hash, rel_path, size_bytes, created_at) VALUES (?, ?, 1, ?)').run(
        id,
        id,
        createdAt
      )
      repo.insert({
        id,
        kind: 'video',
        name,
        hash: id,
        mime: 'video/mp4',
        sizeBytes: 1,
        durationS: 1,
        width: 640,
        height: 480,
        metadata: { container: 'MP4/MOV', videoCodec: 'h264' },
        sourcePath: null,
        createdAt,
        ...extra
      })
    })()
    return id
  }
  return { db, repo, add }
}

/** Every page through nextCursor, running `between` after each page. */
function walk(
  repo: AssetsRepo,
  query: Omit<ListQuery, 'cursor'>,
  between: (page: number) => void = () => {}
) {
  const seen: string[] = []
  let cursor: string | undefined
  for (let page = 0; page < 1000; page += 1) {
    const result = repo.list({ ...query, cursor })
    seen.push(...result.items.map((item) => item.id))
    if (!result.nextCursor) return seen
    cursor = result.nextCursor
    between(page)
  }
  throw new Error('the pages never ended')
}

const once = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length)

describe('library pages (keyset)', () => {
  it('browses every asset exactly once, newest first, while assets are added between pages', () => {
    const { repo, add } = setup()
    const before = Array.from({ length: 53 }, (_, i) =>
      add(`clip ${i}.mp4`, { kind: i % 3 ? 'video' : 'image' })
    )
    const seen = walk(repo, { limit: 7 }, (page) => add(`added after page ${page}.mp4`))
    once(seen)
    expect(seen.filter((id) => before.includes(id))).toEqual([...before].reverse())
    const images = walk(repo, { kind: 'image', limit: 4 }, () => add('another.jpg', { kind: 'image' }))
    once(images)
    expect(images.filter((id) => before.includes(id))).toEqual(before.filter((_, i) => i % 3 === 0).reverse())
  })

  it('pages a search by field (name, then metadata, then text), each exactly once across inserts', () => {
    const { repo, add } = setup()
    const inName = Array.from({ length: 9 }, (_, i) => add(`beach day ${i}.mp4`))
    const inMetadata = Array.from({ length: 6 }, (_, i) =>
      add(`IMG_${i}.jpg`, { metadata: { title: 'Beach walk' } })
    )
    const inText = Array.from({ length: 5 }, (_, i) => add(`VID_${i}.mp4`))
    for (const id of inText)
      repo.upsertSearchDoc(id, 'transcript', 'VID', 'and then we went down to the beach together')
    Array.from({ length: 20 }, (_, i) => add(`forest ${i}.mp4`))
    const seen = walk(repo, { search: 'beach', limit: 4 }, (page) => add(`beach added ${page}.mp4`))
    once(seen)
    const original = seen.filter((id) => [...inName, ...inMetadata, ...inText].includes(id))
    expect(original).toEqual([...inName.reverse(), ...inMetadata.reverse(), ...inText.reverse()])
  })

  it('says why each search result matched', () => {
    const { repo, add } = setup()
    const named = add('Beach sunset.mp4')
    const tagged = add('IMG_0001.jpg', { metadata: { title: 'Holiday at the beach' } })
    const spoken = add('VID_0002.mp4')
    repo.upsertSearchDoc(
      spoken,
      'transcript',
      'VID_0002.mp4',
      `${'words '.repeat(40)}we walked to the beach at noon${' more'.repeat(40)}`
    )
    const page = repo.list({ search: 'beach', limit: 10 })
    const match = Object.fromEntries(page.items.map((item) => [item.id, item.match]))
    expect(match[named]).toEqual({ field: 'name', snippet: 'Beach sunset.mp4' })
    expect(match[tagged]).toMatchObject({ field: 'metadata', snippet: expect.stringContaining('the beach') })
    expect(match[spoken]?.field).toBe('text')
    expect(match[spoken]?.snippet).toContain('beach at noon')
    expect(match[spoken]?.snippet.length).toBeLessThan(80)
    // It starts just before the match, so a narrow card still shows it.
    expect(match[spoken]?.snippet.indexOf('beach')).toBeLessThanOrEqual(12)
    // Short terms have no index: the excerpt comes from the row, also bounded.
    const short = repo.list({ search: 'no', limit: 10 }).items.find((item) => item.id === spoken)
    expect(short?.match).toEqual({ field: 'text', snippet: expect.stringMatching(/^….*noon.*…$/u) })
    expect(repo.list({ limit: 10 }).items.every((item) => item.match === null)).toBe(true)
  })

  it('pages short (LIKE) and mixed queries exactly once across inserts', () => {
    const { repo, add } = setup()
    const cats = Array.from({ length: 23 }, (_, i) => add(`猫咪 ${i}.jpg`, { kind: 'image' }))
    const beachCats = cats.slice(0, 8).map((id) => (repo.rename(id, `${repo.require(id).name} beach`), id))
    Array.from({ length: 10 }, (_, i) => add(`风景 ${i}.jpg`))
    const seen = walk(repo, { search: '猫', limit: 5 }, () => add('猫 new.jpg'))
    once(seen)
    expect(seen.filter((id) => cats.includes(id))).toEqual([...cats].reverse())
    const mixed = walk(repo, { search: 'beach 猫', limit: 3 }, () => add('猫 beach new.jpg'))
    once(mixed)
    expect(mixed.filter((id) => cats.includes(id))).toEqual([...beachCats].reverse())
  })

  it('keeps offset working, and refuses a cursor from another kind of list', () => {
    const { repo, add } = setup()
    Array.from({ length: 12 }, (_, i) => add(`beach ${i}.mp4`))
    for (const search of [undefined, 'beach', 'ea']) {
      const all = repo.list({ search, limit: 50 }).items.map((item) => item.id)
      expect(repo.list({ search, limit: 5, offset: 5 }).items.map((item) => item.id)).toEqual(
        all.slice(5, 10)
      )
      expect(repo.list({ search, limit: 5, offset: 50 })).toMatchObject({ items: [], nextCursor: null })
    }
    const browse = repo.list({ limit: 5 }).nextCursor ?? ''
    expect(() => repo.list({ search: 'beach', limit: 5, cursor: browse })).toThrow(/cursor/)
    expect(() => repo.list({ limit: 5, cursor: 'not-a-cursor' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' })
    )
  })

  it('counts exactly when it is cheap and says when a count stopped at the cap', () => {
    const { repo, add, db } = setup()
    bulk(db, repo, COUNT_CAP + 7, (i) => `猫 clip ${i}.mp4`)
    add('猫 photo.jpg', { kind: 'image' })
    expect(repo.list({ limit: 1 })).toMatchObject({ total: COUNT_CAP + 8, totalIsLowerBound: false })
    expect(repo.list({ search: 'clip', limit: 1 })).toMatchObject({
      total: COUNT_CAP + 7,
      totalIsLowerBound: false
    })
    expect(repo.list({ search: '猫', limit: 1 })).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true })
    expect(repo.list({ search: 'clip', kind: 'video', limit: 1 })).toMatchObject({
      total: COUNT_CAP,
      totalIsLowerBound: true
    })
    expect(repo.list({ search: '猫', kind: 'image', limit: 1 })).toMatchObject({
      total: 1,
      totalIsLowerBound: false
    })
  })
})

function bulk(db: Db, repo: AssetsRepo, count: number, name: (i: number) => string): void {
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = `bulk-${i}`
      db.prepare(
        `INSERT INTO blobs (hash, rel_path, size_bytes, created_at) VALUES (?, ?, 1, '2025-01-01')`
      ).run(id, id)
      repo.insert({
        id,
        kind: 'video',
        name: name(i),
        hash: id,
        mime: 'video/mp4',
        sizeBytes: 1,
        durationS: null,
        width: null,
        height: null,
        metadata: {},
        sourcePath: null,
        createdAt: '2025-01-01T00:00:00.000Z'
      })
    }
  })()
}
