import { describe, expect, it } from 'vitest'
import type { LibraryItem } from '../../../../src/shared/domain/asset'
import type { FramewiseApp } from '../../../../src/main/app/create-app'
import { AssetsRepo } from '../../../../src/main/store/assets-repo'
import { testApp } from '../../../support/app'

/** Rows as an import writes them (without the media work), so the router sees a real library. */
function seed(app: FramewiseApp, names: string[]): void {
  const repo = new AssetsRepo(app.db)
  app.db.transaction(() => {
    names.forEach((name, i) => {
      const id = `asset-${i}`
      const createdAt = new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString()
      app.db
        .prepare('INSERT INTO blobs (hash, rel_path, size_bytes, created_at) VALUES (?, ?, 1, ?)')
        .run(id, id, createdAt)
      repo.insert({
        id,
        kind: 'image',
        name,
        hash: id,
        mime: 'image/jpeg',
        sizeBytes: 1,
        durationS: null,
        width: 10,
        height: 10,
        metadata: { format: 'jpeg' },
        sourcePath: null,
        createdAt
      })
    })
  })()
}

type Page = { items: LibraryItem[]; total: number; totalIsLowerBound: boolean; nextCursor: string | null }

async function list(app: FramewiseApp, input: Record<string, unknown>) {
  return (await app.router.handle('library.list', input)) as
    { ok: true; data: Page } | { ok: false; error: { code: string } }
}

describe('library.list through the router', () => {
  it('strips NUL and other control characters from a search instead of failing', async () => {
    const app = testApp()
    seed(app, ['beach.jpg', 'forest.jpg'])
    for (const search of ['\u0000', 'bea\u0000ch', 'beach\u0007\u001b[31m', '\u0000猫', 'be\u0085ach']) {
      const result = await list(app, { search })
      expect(result.ok, JSON.stringify(search)).toBe(true)
    }
    const found = await list(app, { search: 'bea\u0000ch' })
    expect(found.ok && found.data.items.map((item) => item.name)).toEqual(['beach.jpg'])
  })

  it('treats FTS syntax in user text as text', async () => {
    const app = testApp()
    seed(app, ['say "hi" now.jpg', 'a*b (1).jpg', 'NEAR beach.jpg'])
    const hostile = [
      '"',
      '""',
      'a"b',
      '*',
      'NEAR(a b)',
      '{name}:x',
      'name:beach',
      '^beach',
      'AND OR NOT',
      '-beach',
      '(beach',
      'beach)',
      "'; DROP TABLE assets; --",
      '%_\\'
    ]
    for (const search of hostile) {
      const result = await list(app, { search })
      expect(result.ok, search).toBe(true)
    }
    const quoted = await list(app, { search: '"hi"' })
    expect(quoted.ok && quoted.data.items.map((item) => item.name)).toEqual(['say "hi" now.jpg'])
    const starred = await list(app, { search: 'a*b' })
    expect(starred.ok && starred.data.items.map((item) => item.name)).toEqual(['a*b (1).jpg'])
  })

  it('pages by cursor with validated output, and answers a bad cursor with VALIDATION_FAILED', async () => {
    const app = testApp()
    seed(
      app,
      Array.from({ length: 9 }, (_, i) => `beach ${i}.jpg`)
    )
    const names: string[] = []
    let cursor: string | undefined
    do {
      const page = await list(app, { search: 'beach', limit: 4, cursor })
      if (!page.ok) throw new Error(page.error.code)
      expect(page.data).toMatchObject({ total: 9, totalIsLowerBound: false })
      names.push(...page.data.items.map((item) => item.name))
      cursor = page.data.nextCursor ?? undefined
    } while (cursor)
    expect(names).toEqual(Array.from({ length: 9 }, (_, i) => `beach ${8 - i}.jpg`))
    expect(await list(app, { cursor: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' }
    })
  })
})
