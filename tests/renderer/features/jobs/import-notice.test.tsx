import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Job } from '../../../../src/shared/domain/job'
import {
  PROBLEM_NOTICE_MS,
  useImportNotifications
} from '../../../../src/renderer/src/features/jobs/useImportNotifications'
import { fakeApi, renderUi } from '../../render'

function Listener() {
  useImportNotifications()
  return null
}

const finishedImport = (): Job => ({
  id: 'imp',
  kind: 'library.import',
  title: '2 items',
  state: 'succeeded',
  stage: null,
  progress: 1,
  attempts: 1,
  error: null,
  result: {
    imported: [{ path: '/a/ok.jpg', assetId: 'a1' }],
    duplicates: [],
    failed: [
      { path: '/a/broken.mp4', code: 'MEDIA_CORRUPT', message: 'moov atom not found | Conversion failed!' }
    ],
    skipped: 0
  },
  parentId: null,
  assetId: null,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null
})

afterEach(() => vi.useRealTimers())

describe('the notice after an import with problems', () => {
  it('names the file in plain words, can be dismissed, and goes away by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = fakeApi({})
    renderUi(<Listener />)
    act(() => api.emit('job.updated', finishedImport()))
    const notice = await screen.findByText(/broken\.mp4: The file is damaged or is not a media file\./)
    expect(notice.textContent).not.toContain('Conversion failed')
    expect(screen.getAllByRole('button').length).toBeGreaterThan(0)
    await act(async () => {
      vi.advanceTimersByTime(PROBLEM_NOTICE_MS + 2000)
    })
    await vi.waitFor(() => expect(screen.queryByText(/broken\.mp4/)).toBeNull())
  })

  it('closes at once with its close button', async () => {
    const api = fakeApi({})
    renderUi(<Listener />)
    act(() => api.emit('job.updated', { ...finishedImport(), id: 'imp2' }))
    await screen.findByText(/broken\.mp4/)
    const close = document.querySelector('.mantine-Notification-closeButton') as HTMLElement
    fireEvent.click(close)
    await vi.waitFor(() => expect(screen.queryByText(/broken\.mp4/)).toBeNull())
  })
})
