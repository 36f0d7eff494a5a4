import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Asset } from '../../../../src/shared/domain/asset'
import { AssetDrawer } from '../../../../src/renderer/src/features/library/AssetDrawer'
import { fakeApi, renderUi } from '../../render'

const base: Asset = {
  id: 'a1',
  kind: 'audio',
  name: 'talk.mp3',
  hash: 'h',
  path: 'aa/talk.mp3',
  mime: 'audio/mpeg',
  sizeBytes: 1,
  durationS: 60,
  width: null,
  height: null,
  metadata: { hasAudio: true },
  thumb: { state: 'ready', path: null },
  sourcePath: null,
  problem: null,
  createdAt: '2026-01-01T00:00:00Z'
}

describe('Transcribe in the Library', () => {
  it('is offered for audio and for video with sound, and opens the Audio page', () => {
    fakeApi({})
    const view = renderUi(<AssetDrawer asset={base} onClose={() => undefined} />)
    expect(screen.getByTestId('asset-transcribe').getAttribute('href')).toBe('/audio/a1')
    view.unmount()
    const video = { ...base, kind: 'video' as const, metadata: { hasAudio: true, hasVideo: true } }
    const withSound = renderUi(<AssetDrawer asset={video} onClose={() => undefined} />)
    expect(screen.getByTestId('asset-transcribe')).toBeTruthy()
    withSound.unmount()
    renderUi(<AssetDrawer asset={{ ...video, metadata: { hasAudio: false } }} onClose={() => undefined} />)
    expect(screen.queryByTestId('asset-transcribe')).toBeNull()
  })

  it('links a search hit in the transcript to the moment the words are said', () => {
    fakeApi({})
    const hit = { ...base, match: { field: 'text' as const, snippet: '…the ionosphere…' } }
    renderUi(<AssetDrawer asset={hit} search="ionosphere" onClose={() => undefined} />)
    const link = screen.getByTestId('asset-find-moment')
    expect(link.getAttribute('href')).toBe('/audio/a1/ionosphere')
    expect(link.textContent).toBe('Where “ionosphere” is said')
  })
})
