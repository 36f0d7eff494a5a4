import { screen, waitFor } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { LibraryItem } from '../../../../src/shared/domain/asset'
import { AssetCard } from '../../../../src/renderer/src/features/library/AssetCard'
import { fakeApi, renderUi } from '../../render'

const item = (name: string, match: LibraryItem['match']): LibraryItem => ({
  id: name,
  kind: 'image',
  name,
  hash: 'h',
  path: `aa/${name}`,
  mime: 'image/jpeg',
  sizeBytes: 2048,
  durationS: null,
  width: 32,
  height: 32,
  metadata: {},
  thumb: { state: 'ready', path: `bb/${name}.webp` },
  sourcePath: null,
  problem: null,
  createdAt: '2026-01-01T00:00:00Z',
  match
})

afterEach(async () => {
  await i18next.changeLanguage('en')
})

describe('AssetCard match hint', () => {
  it('says where a search found the asset, marks the words, and describes the card with it', async () => {
    fakeApi({})
    const spoken = item('IMG_0001.jpg', { field: 'text', snippet: '…we met at the Harbour at noon…' })
    renderUi(<AssetCard asset={spoken} highlight={['harbour']} onOpen={() => undefined} />)
    const hint = screen.getByTestId('asset-match')
    expect(hint.textContent).toBe('Text: …we met at the Harbour at noon…')
    expect(hint.querySelector('mark')?.textContent).toBe('Harbour')
    expect(hint.getAttribute('title')).toBe('Text: …we met at the Harbour at noon…')
    expect(screen.getByTestId('asset-card').getAttribute('aria-describedby')).toBe(hint.id)
    await i18next.changeLanguage('zh-CN')
    await waitFor(() => expect(screen.getByTestId('asset-match').textContent).toMatch(/^文本:/u))
  })

  it('shows no hint for a name match or outside a search', () => {
    fakeApi({})
    renderUi(
      <>
        <AssetCard
          asset={item('harbour.jpg', { field: 'name', snippet: 'harbour.jpg' })}
          highlight={['harbour']}
          onOpen={() => undefined}
        />
        <AssetCard asset={item('beach.jpg', null)} highlight={[]} onOpen={() => undefined} />
      </>
    )
    expect(screen.queryByTestId('asset-match')).toBeNull()
    expect(screen.getAllByTestId('asset-card').every((card) => !card.hasAttribute('aria-describedby'))).toBe(
      true
    )
  })
})
