import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AssetsRepo, type NewAsset } from '../../../src/main/store/assets-repo'
import { BlobStore } from '../../../src/main/store/blob-store'
import { MIGRATIONS } from '../../../src/main/app/migrations'
import { openDatabase } from '../../../src/main/store/database'
import { tempDir } from '../../support/temp'

const scratch = (path: string): string => {
  mkdirSync(path, { recursive: true })
  return path
}

async function setup() {
  const dir = tempDir()
  const db = openDatabase({
    file: join(dir, 'library.db'),
    backupsDir: join(dir, 'b'),
    migrations: MIGRATIONS
  })
  const blobs = new BlobStore({ db, blobsDir: join(dir, 'files'), tmpDir: () => scratch(join(dir, 'tmp')) })
  const repo = new AssetsRepo(db)
  let n = 0
  const add = async (name: string, kind: NewAsset['kind'] = 'video', extra: Partial<NewAsset> = {}) => {
    n += 1
    const blob = await blobs.ingestBuffer(Buffer.from(`${name}-${n}`), 'bin')
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString()
    db.transaction(() => {
      blobs.register(blob, createdAt)
      repo.insert({
        id: `id-${n}`,
        kind,
        name,
        hash: blob.hash,
        mime: 'video/mp4',
        sizeBytes: 5,
        durationS: 1,
        width: 640,
        height: 480,
        metadata: { container: 'MP4/MOV', videoCodec: 'h264' },
        sourcePath: null,
        createdAt,
        ...extra
      })
    })()
    return `id-${n}`
  }
  return { db, repo, add }
}

describe('AssetsRepo search', () => {
  it('finds substrings through the trigram index, newest first, with a kind filter', async () => {
    const { repo, add } = await setup()
    await add('holiday-beach.mp4')
    await add('Beach sunset.jpg', 'image')
    await add('meeting notes.m4a', 'audio')
    expect(repo.list({ search: 'beach', limit: 10, offset: 0 }).items.map((a) => a.name)).toEqual([
      'Beach sunset.jpg',
      'holiday-beach.mp4'
    ])
    expect(repo.list({ search: 'beach', kind: 'video', limit: 10, offset: 0 }).total).toBe(1)
    expect(repo.list({ search: 'h264', limit: 10, offset: 0 }).total).toBe(3)
    expect(repo.list({ search: 'nothing-like-this', limit: 10, offset: 0 }).total).toBe(0)
  })

  it('matches two-character Chinese words through the LIKE fallback', async () => {
    const { repo, add } = await setup()
    await add('会议视频分析.mp4')
    await add('风景照片.jpg', 'image')
    expect(repo.list({ search: '分析', limit: 10, offset: 0 }).items.map((a) => a.name)).toEqual([
      '会议视频分析.mp4'
    ])
    expect(repo.list({ search: '视频分析', limit: 10, offset: 0 }).total).toBe(1)
  })

  it('pages results and keeps the search index in step with renames and deletes', async () => {
    const { repo, add, db } = await setup()
    const ids = [await add('one.mp4'), await add('two.mp4'), await add('three.mp4')]
    expect(repo.list({ limit: 2, offset: 2 }).items.map((a) => a.name)).toEqual(['one.mp4'])
    repo.rename(ids[0] as string, 'renamed clip.mp4')
    expect(repo.list({ search: 'renamed', limit: 10, offset: 0 }).total).toBe(1)
    expect(repo.delete([ids[0] as string, 'missing'])).toBe(1)
    expect(repo.list({ search: 'renamed', limit: 10, offset: 0 }).total).toBe(0)
    const docs = db.prepare('SELECT count(*) AS n FROM search_fts').get() as { n: number }
    expect(docs.n).toBe(2)
  })
})
