import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Job } from '../../../../src/shared/domain/job'
import { CitedText } from '../../../../src/renderer/src/features/video/CitedText'
import { PipelineProgress } from '../../../../src/renderer/src/features/video/PipelineProgress'
import { TranscriptPanel } from '../../../../src/renderer/src/features/player/TranscriptPanel'
import { fakeApi, renderUi } from '../../render'

const transcript = {
  id: 't1',
  model: 'whisper-1',
  language: 'en',
  text: '',
  durationS: 20,
  segments: [
    { start: 0, end: 4, text: 'Get them out of here!' },
    { start: 4, end: 9, text: 'We need more time to finish the device.' },
    { start: 9, end: 15, text: 'You have two minutes.' }
  ]
}

const job = (over: Partial<Job>): Job => ({
  id: 'j1',
  kind: 'video.summarize',
  title: 'battle.webm',
  state: 'running',
  stage: 'transcribing',
  progress: 0.4,
  attempts: 1,
  error: null,
  result: null,
  parentId: null,
  assetId: 'a1',
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...over
})

describe('video panels', () => {
  it('marks the transcript line being played, narrows lines by search and seeks on click', () => {
    fakeApi({})
    const onSeek = vi.fn()
    renderUi(<TranscriptPanel transcript={transcript} currentTime={5} onSeek={onSeek} />)
    const lines = screen.getAllByTestId('transcript-line')
    expect(lines).toHaveLength(3)
    expect(lines[1]?.getAttribute('data-active')).toBe('true')
    expect(lines[0]?.getAttribute('data-active')).toBeNull()
    fireEvent.change(screen.getByPlaceholderText('Search the transcript'), { target: { value: 'MINUTES' } })
    expect(screen.getAllByTestId('transcript-line')).toHaveLength(1)
    expect(screen.getByText('1 matching line')).toBeTruthy()
    fireEvent.click(screen.getByTestId('transcript-line'))
    expect(onSeek).toHaveBeenCalledWith(9)
  })

  it('turns timestamps in an answer into links that seek', () => {
    fakeApi({})
    const onSeek = vi.fn()
    renderUi(<CitedText text="It breaks through at [00:31] and ends at [1:00:02]." onSeek={onSeek} />)
    const links = screen.getAllByTestId('citation')
    expect(links.map((l) => l.textContent)).toEqual(['[00:31]', '[1:00:02]'])
    fireEvent.click(links[1] as HTMLElement)
    expect(onSeek).toHaveBeenCalledWith(3602)
  })

  it('shows the stages, says when it waits for the rate limit, and cancels', async () => {
    const api = fakeApi({ 'jobs.cancel': () => job({ state: 'cancelled' }) })
    const first = renderUi(<PipelineProgress job={job({})} hasAudio hasVideo />)
    expect(screen.getByText('Transcribing')).toBeTruthy()
    expect(screen.getByText('40% done')).toBeTruthy()
    first.unmount()
    renderUi(<PipelineProgress job={job({ stage: 'waiting-for-rate-limit' })} hasAudio={false} hasVideo />)
    await waitFor(() =>
      expect(screen.getByTestId('pipeline-note').textContent).toBe('Waiting for rate limit…')
    )
    expect(screen.queryByText('Transcribing')).toBeNull()
    fireEvent.click(screen.getByTestId('pipeline-cancel'))
    await waitFor(() => expect(api.calls).toContainEqual({ route: 'jobs.cancel', input: { id: 'j1' } }))
  })
})
