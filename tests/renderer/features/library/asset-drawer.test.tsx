import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Asset } from '../../../../src/shared/domain/asset'
import { AssetDrawer } from '../../../../src/renderer/src/features/library/AssetDrawer'
import { fakeApi, renderUi } from '../../render'

const video: Asset = {
  id: 'v1',
  kind: 'video',
  name: 'talk.mp4',
  hash: 'h',
  path: 'aa/h.mp4',
  mime: 'video/mp4',
  sizeBytes: 1024,
  durationS: 70.54,
  width: 1280,
  height: 720,
  metadata: { container: 'mov,mp4', videoCodec: 'h264', audioCodec: 'aac', fps: 30, hasAudio: true },
  thumb: { state: 'ready', path: 'bb/t.webp' },
  sourcePath: '/home/me/Videos/talk.mp4',
  problem: null,
  createdAt: '2026-01-01T00:00:00Z'
}

describe('the details drawer', () => {
  it('puts Open in Video and Delete above the properties, where a small window still shows them', async () => {
    fakeApi({})
    renderUi(<AssetDrawer asset={video} onClose={() => undefined} />)
    const open = await screen.findByTestId('asset-open-video')
    const properties = screen.getByTestId('asset-properties')
    expect(open.compareDocumentPosition(properties) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(
      screen.getByTestId('asset-delete').compareDocumentPosition(properties) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    // The same rounding rule as the player: 70.54 s reads 1:10.
    expect(screen.getByText('1:10')).toBeTruthy()
  })
})
