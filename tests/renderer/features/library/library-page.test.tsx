import { fireEvent, screen, waitFor } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { Asset } from '../../../../src/shared/domain/asset'
import { LibraryPage } from '../../../../src/renderer/src/features/library/LibraryPage'
import { fakeApi, renderUi } from '../../render'

const asset = (name: string, over: Partial<Asset> = {}): Asset => ({
  id: name,
  kind: 'image',
  name,
  hash: 'h',
  path: `aa/${name}`,
  mime: 'image/png',
  sizeBytes: 2048,
  durationS: null,
  width: 32,
  height: 32,
  metadata: {},
  thumb: { state: 'ready', path: `bb/${name}.webp` },
  sourcePath: null,
  problem: null,
  createdAt: '2026-01-01T00:00:00Z',
  ...over
})

describe('LibraryPage', () => {
  it('shows the empty state with an import button when nothing is imported', async () => {
    fakeApi({
      'library.list': () => ({ items: [], total: 0 }),
      'settings.get': () => ({ libraryGridSize: 'medium' })
    })
    renderUi(<LibraryPage />)
    expect(await screen.findByTestId('library-empty')).toBeTruthy()
    expect(screen.getByText('Your library is empty')).toBeTruthy()
  })

  it('searches the library as the user types and filters by kind', async () => {
    const api = fakeApi({
      'library.list': (input) => {
        const { search } = input as { search?: string }
        const items = [asset('beach.png'), asset('forest.png')].filter(
          (a) => !search || a.name.includes(search)
        )
        return { items, total: items.length }
      },
      'settings.get': () => ({ libraryGridSize: 'medium' })
    })
    renderUi(<LibraryPage />)
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toContain('2 items'))
    fireEvent.change(screen.getByTestId('library-search'), { target: { value: 'beach' } })
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toContain('1 item'))
    expect(
      api.calls.some((c) => c.route === 'library.list' && (c.input as { search?: string }).search === 'beach')
    ).toBe(true)
    fireEvent.click(screen.getByText('Video'))
    await waitFor(() =>
      expect(api.calls.some((c) => (c.input as { kind?: string }).kind === 'video')).toBe(true)
    )
  })

  it('pages by cursor and shows a capped count as "5,000+"', async () => {
    const api = fakeApi({
      'library.list': (input) => {
        const { cursor } = input as { cursor?: string }
        const items = cursor ? [asset('second.png')] : [asset('first.png')]
        return { items, total: 5000, totalIsLowerBound: true, nextCursor: cursor ? null : 'page-2' }
      },
      'settings.get': () => ({ libraryGridSize: 'medium' })
    })
    renderUi(<LibraryPage />)
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toContain('5,000+ items'))
    // The grid asks for the next page when its end is on screen: by the cursor, never an offset.
    await waitFor(() =>
      expect(api.calls.some((c) => (c.input as { cursor?: string }).cursor === 'page-2')).toBe(true)
    )
    expect(api.calls.every((c) => (c.input as { offset?: number }).offset === undefined)).toBe(true)
    await i18next.changeLanguage('zh-CN')
    await waitFor(() => expect(screen.getByTestId('library-count').textContent).toContain('5,000+ 项'))
  })
})

afterEach(async () => {
  await i18next.changeLanguage('en')
})
