import { fireEvent, screen, waitFor } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it } from 'vitest'
import type { Asset } from '../../../../src/shared/domain/asset'
import { Player } from '../../../../src/renderer/src/features/video/Player'
import { fakeApi, renderUi } from '../../render'

const phoneVideo: Asset = {
  id: 'v1',
  kind: 'video',
  name: 'IMG_0042.MOV',
  hash: 'h',
  path: 'aa/original.mov',
  mime: 'video/quicktime',
  sizeBytes: 4096,
  durationS: 6,
  width: 1920,
  height: 1080,
  metadata: { videoCodec: 'hevc' },
  thumb: { state: 'ready', path: 'bb/thumb.webp' },
  sourcePath: null,
  problem: null,
  createdAt: '2026-01-01T00:00:00Z'
}

function renderPlayer() {
  return renderUi(<Player asset={phoneVideo} mediaRef={createRef()} onTimeUpdate={() => undefined} />)
}

describe('Player', () => {
  it('offers a playable copy when this window cannot decode the video, and starts the job', async () => {
    const api = fakeApi({
      'video.playable': () => ({ path: null, needed: true }),
      'video.makePlayable': () => ({ jobId: 'j1' }),
      'jobs.list': () => []
    })
    renderPlayer()
    const video = await screen.findByTestId('video-player')
    await waitFor(() => expect(api.calls.some((c) => c.route === 'video.playable')).toBe(true))
    expect(video.getAttribute('src')).toBe('/media/aa/original.mov')
    expect(screen.queryByTestId('make-playable')).toBeNull()
    fireEvent.error(video)
    expect(await screen.findByText(/cannot play hevc video/)).toBeTruthy()
    fireEvent.click(screen.getByTestId('make-playable'))
    await waitFor(() =>
      expect(api.calls.find((c) => c.route === 'video.makePlayable')?.input).toEqual({ assetId: 'v1' })
    )
  })

  it('treats sound over no picture (a video codec it lacks, without an error) as unplayable', async () => {
    fakeApi({ 'video.playable': () => ({ path: null, needed: true }), 'jobs.list': () => [] })
    renderPlayer()
    // jsdom reports videoWidth 0, as Chromium does for HEVC once the metadata is read.
    fireEvent.loadedMetadata(await screen.findByTestId('video-player'))
    expect(await screen.findByTestId('make-playable')).toBeTruthy()
  })

  it('shows the copy being made, with a way to stop it', async () => {
    const running = {
      id: 'j9',
      kind: 'video.playable',
      title: 'IMG_0042.MOV',
      state: 'running',
      stage: 'making-playable-copy',
      progress: 0.4,
      attempts: 1,
      error: null,
      result: null,
      parentId: null,
      assetId: 'v1',
      createdAt: '2026-01-01T00:00:00Z',
      startedAt: null,
      finishedAt: null
    }
    const api = fakeApi({
      'video.playable': () => ({ path: null, needed: true }),
      'jobs.list': () => [running],
      'jobs.cancel': () => null
    })
    renderPlayer()
    fireEvent.error(await screen.findByTestId('video-player'))
    expect(await screen.findByText('Making a playable copy… 40 %')).toBeTruthy()
    fireEvent.click(screen.getByText('Cancel job'))
    await waitFor(() => expect(api.calls.find((c) => c.route === 'jobs.cancel')?.input).toEqual({ id: 'j9' }))
  })

  it('plays the copy once it exists, and says so', async () => {
    fakeApi({ 'video.playable': () => ({ path: 'cc/copy.mp4', needed: true }), 'jobs.list': () => [] })
    renderPlayer()
    await waitFor(() =>
      expect(screen.getByTestId('video-player').getAttribute('src')).toBe('/media/cc/copy.mp4')
    )
    expect(screen.getByTestId('playing-copy')).toBeTruthy()
    expect(screen.queryByTestId('player-unplayable')).toBeNull()
  })
})
