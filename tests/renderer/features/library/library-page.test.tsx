import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
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
})
