import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Route } from 'wouter'
import VideoPage from '../../../../src/renderer/src/features/video/VideoPage'
import { fakeApi, renderUi } from '../../render'

const damaged = {
  id: 'a1',
  kind: 'video',
  name: 'broken.webm',
  hash: 'h',
  path: 'h.webm',
  mime: 'video/webm',
  sizeBytes: 10,
  durationS: 2,
  width: 320,
  height: 240,
  metadata: { videoCodec: 'vp9' },
  thumb: { state: 'failed', path: null },
  sourcePath: null,
  problem: { code: 'MEDIA_CORRUPT', message: 'Error marking filters as finished | Conversion failed!' },
  createdAt: '2026-01-01T00:00:00Z'
}

describe('a damaged video on the Video page', () => {
  it('says so once, plainly, and offers no player, summary or estimate', async () => {
    fakeApi({ 'library.get': () => damaged })
    renderUi(<Route path="/video/:assetId" component={VideoPage} />, '/video/a1')
    expect(await screen.findByTestId('asset-damaged')).toBeTruthy()
    expect(screen.getAllByText('The file is damaged or is not a media file.')).toHaveLength(1)
    expect(screen.queryByTestId('video-player')).toBeNull()
    expect(screen.queryByTestId('estimate')).toBeNull()
    expect(screen.queryByText(/cannot play/i)).toBeNull()
  })
})
