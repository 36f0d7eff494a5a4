import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../src/shared/domain/job'
import { JobRow } from '../../../../src/renderer/src/features/jobs/JobRow'
import { JobTray } from '../../../../src/renderer/src/features/jobs/JobTray'
import { upsertJob } from '../../../../src/renderer/src/shell/useCoreEvents'
import { useCoreEvents } from '../../../../src/renderer/src/shell/useCoreEvents'
import { fakeApi, renderUi } from '../../render'

const job = (over: Partial<Job> = {}): Job => ({
  id: 'j1',
  kind: 'library.import',
  title: 'holiday.mp4',
  state: 'running',
  stage: 'importing',
  progress: 0.42,
  attempts: 1,
  error: null,
  result: null,
  parentId: null,
  assetId: null,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over
})

function TrayWithEvents() {
  useCoreEvents()
  return <JobTray />
}

describe('jobs in the UI', () => {
  it('shows the stage, the percentage and a cancel button that cancels the job', async () => {
    const api = fakeApi({ 'jobs.cancel': () => job({ state: 'cancelled' }) })
    renderUi(<JobRow job={job()} />)
    expect(screen.getByText('Importing')).toBeTruthy()
    expect(screen.getByText('42%')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Cancel job'))
    await waitFor(() => expect(api.calls).toContainEqual({ route: 'jobs.cancel', input: { id: 'j1' } }))
  })

  it('offers retry for a failed job and says why in one sentence, the tool’s words behind Details', () => {
    fakeApi({})
    const message = 'Error marking filters as finished | Conversion failed!'
    renderUi(<JobRow job={job({ state: 'failed', error: { code: 'MEDIA_CORRUPT', message } })} />)
    expect(screen.getByLabelText('Retry job')).toBeTruthy()
    expect(screen.getByTestId('job-error').textContent).toBe('The file is damaged or is not a media file.')
    const details = screen.getByRole('button', { name: 'Details' })
    expect(details.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(details)
    expect(screen.getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByText(/MEDIA_CORRUPT: Error marking filters/)).toBeTruthy()
  })

  it('shows a cancelled job as cancelled, in grey, with no failure text', () => {
    fakeApi({})
    renderUi(<JobRow job={job({ state: 'cancelled' })} />)
    expect(screen.getByText('Cancelled')).toBeTruthy()
    expect(screen.queryByTestId('job-error')).toBeNull()
  })

  it('shows why a job action was refused instead of dropping it', async () => {
    const api = fakeApi({})
    api.invoke = async () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Only failed, cancelled or waiting jobs can be retried.' }
    })
    renderUi(<JobRow job={job({ state: 'failed', error: { code: 'MEDIA_CORRUPT', message: 'bad' } })} />)
    fireEvent.click(screen.getByLabelText('Retry job'))
    expect(await screen.findByText(/Only failed, cancelled or waiting jobs can be retried/)).toBeTruthy()
  })

  it('counts running jobs in the tray as job.updated events arrive', async () => {
    const api = fakeApi({ 'jobs.list': () => [], 'settings.get': () => ({}) })
    renderUi(<TrayWithEvents />)
    await waitFor(() =>
      expect(screen.getByTestId('job-tray-button').getAttribute('data-active-jobs')).toBe('0')
    )
    api.emit('job.updated', job())
    await waitFor(() => expect(screen.getByTestId('job-tray-button').textContent).toContain('1 running'))
    api.emit('job.updated', job({ state: 'succeeded', progress: 1 }))
    await waitFor(() =>
      expect(screen.getByTestId('job-tray-button').getAttribute('data-active-jobs')).toBe('0')
    )
  })

  it('replaces a job in the cache by id and puts new ones first', () => {
    const list = upsertJob([job({ id: 'a' })], job({ id: 'b' }))
    expect(list.map((j) => j.id)).toEqual(['b', 'a'])
    expect(upsertJob(list, job({ id: 'a', progress: 0.9 }))[1]?.progress).toBe(0.9)
  })
})

describe('a job waiting for its provider', () => {
  it('is counted as waiting, not running, in the header', async () => {
    fakeApi({
      'jobs.list': () => [job({ state: 'waiting', kind: 'video.summarize' })],
      'settings.get': () => ({})
    })
    renderUi(<JobTray />)
    await waitFor(() => expect(screen.getByTestId('job-tray-button').textContent).toContain('1 waiting'))
    expect(screen.getByTestId('job-tray-button').textContent).not.toContain('running')
  })
})
