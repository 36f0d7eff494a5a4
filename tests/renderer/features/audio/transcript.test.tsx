import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Asset } from '../../../../src/shared/domain/asset'
import type { TranscriptView } from '../../../../src/shared/domain/audio'
import AudioPage from '../../../../src/renderer/src/features/audio/AudioPage'
import { TranscribeForm, transcribeModels } from '../../../../src/renderer/src/features/audio/TranscribeForm'
import { TranscriptPanel } from '../../../../src/renderer/src/features/player/TranscriptPanel'
import { Route } from 'wouter'
import { fakeApi, renderUi } from '../../render'

// jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

const asset: Asset = {
  id: 'a1',
  kind: 'audio',
  name: 'interview.mp3',
  hash: 'h',
  path: 'aa/interview.mp3',
  mime: 'audio/mpeg',
  sizeBytes: 4096,
  durationS: 20,
  width: null,
  height: null,
  metadata: { hasAudio: true },
  thumb: { state: 'ready', path: 'bb/thumb.webp' },
  sourcePath: null,
  problem: null,
  createdAt: '2026-01-01T00:00:00Z'
}

const view: TranscriptView = {
  id: 't1',
  assetId: 'a1',
  model: 'gpt-4o-transcribe-diarize',
  language: 'en',
  status: 'complete',
  text: '',
  segments: [
    { start: 0, end: 4, text: 'Welcome to the show.', speaker: 'A' },
    { start: 4, end: 9, text: 'Thanks for having me.', speaker: 'B' },
    { start: 9, end: 15, text: 'Let us talk about the ionosphere.', speaker: 'A' }
  ],
  words: [],
  durationS: 20,
  prompt: null,
  timestamps: 'segment',
  piecesTotal: 1,
  piecesDone: 1,
  edits: { '1': 'Thank you for having me.' },
  speakers: { A: 'Ada' },
  silent: false,
  costUsd: 0.002,
  usage: { requests: 1, audioSeconds: 0, inputTokens: 200, outputTokens: 30 },
  updatedAt: '2026-01-01T00:00:00Z'
}

describe('the transcript panel', () => {
  it('shows speakers by their names and edited lines, edits a line in place, and reverts it', () => {
    fakeApi({})
    const onEdit = vi.fn()
    renderUi(
      <TranscriptPanel
        transcript={view}
        currentTime={5}
        onSeek={() => undefined}
        edits={view.edits}
        speakers={view.speakers}
        onEdit={onEdit}
      />
    )
    const lines = screen.getAllByTestId('transcript-line')
    expect(lines[0]?.textContent).toContain('Ada')
    expect(lines[1]?.textContent).toContain('B')
    expect(lines[1]?.textContent).toContain('Thank you for having me.')
    expect(lines[1]?.getAttribute('data-edited')).toBe('true')
    expect(lines[1]?.getAttribute('data-active')).toBe('true')
    fireEvent.click(screen.getAllByTestId('transcript-edit')[2]!)
    fireEvent.change(screen.getByTestId('transcript-edit-text'), {
      target: { value: 'Let us talk about radio.' }
    })
    fireEvent.click(screen.getByTestId('transcript-edit-save'))
    expect(onEdit).toHaveBeenCalledWith(2, 'Let us talk about radio.')
    fireEvent.click(screen.getAllByTestId('transcript-edit')[1]!)
    fireEvent.click(screen.getByText('Back to the model’s text'))
    expect(onEdit).toHaveBeenLastCalledWith(1, null)
  })

  it('opened from a Library search, narrows to the lines with every word and seeks to the first', () => {
    fakeApi({})
    const onSeek = vi.fn()
    renderUi(
      <TranscriptPanel
        transcript={view}
        currentTime={0}
        onSeek={onSeek}
        speakers={view.speakers}
        initialQuery="ionosphere talk"
      />
    )
    expect(screen.getAllByTestId('transcript-line')).toHaveLength(1)
    expect(onSeek).toHaveBeenCalledWith(9)
    fireEvent.change(screen.getByTestId('transcript-search'), { target: { value: 'ada' } })
    // A speaker's name finds their lines too.
    expect(screen.getAllByTestId('transcript-line')).toHaveLength(2)
  })
})

describe('the transcribe form', () => {
  const provider = (models: string[], transcription?: string) => ({
    id: 'p',
    name: 'OpenAI',
    isDefault: true,
    models,
    defaultModels: { transcription },
    capabilities: {}
  })

  it('offers a diarizing model only when the provider lists one', () => {
    expect(transcribeModels(['gpt-4o-mini', 'tts-1'])).toEqual([
      'whisper-1',
      'gpt-4o-transcribe',
      'gpt-4o-mini-transcribe'
    ])
    expect(transcribeModels(['gpt-4o-transcribe-diarize'])).toContain('gpt-4o-transcribe-diarize')
  })

  it('shows the estimate, offers word times only for whisper-1, and starts with the options chosen', async () => {
    const api = fakeApi({
      'providers.list': () => [provider(['gpt-4o-transcribe'], 'gpt-4o-transcribe')],
      'audio.estimate': () => ({
        model: 'gpt-4o-transcribe',
        durationS: 120,
        minutes: 2,
        pieces: 1,
        costUsd: 0.012,
        cached: false
      }),
      'audio.transcribe': () => ({ jobId: 'j1', cached: false, transcriptId: null })
    })
    renderUi(<TranscribeForm asset={asset} force={false} />)
    expect(await screen.findByText('Estimated $0.012 · 2 min in 1 piece')).toBeTruthy()
    await waitFor(() =>
      expect(screen.getByTestId('transcribe-model')).toHaveProperty('value', 'gpt-4o-transcribe')
    )
    expect(screen.getByText(/Word times come from whisper-1 only/)).toBeTruthy()
    fireEvent.change(screen.getByTestId('transcribe-prompt'), { target: { value: 'Ada Lovelace' } })
    fireEvent.click(screen.getByTestId('transcribe-start'))
    await waitFor(() =>
      expect(api.calls.find((c) => c.route === 'audio.transcribe')?.input).toEqual({
        assetId: 'a1',
        force: false,
        options: { model: 'gpt-4o-transcribe', timestamps: 'segment', prompt: 'Ada Lovelace' }
      })
    )
  })
})

describe('the Audio page', () => {
  it('lists recordings to transcribe, and opens one with its transcript, speakers and cost', async () => {
    fakeApi({
      'library.list': (input) => ({
        items: (input as { kind: string }).kind === 'audio' ? [{ ...asset, match: null }] : [],
        total: 1,
        totalIsLowerBound: false,
        nextCursor: null
      }),
      'library.get': () => asset,
      'audio.transcript': () => view,
      'jobs.list': () => [],
      'providers.list': () => [],
      'video.playable': () => ({ path: null, needed: false })
    })
    const page = (path: string) =>
      renderUi(
        <Route path="/audio/:first?/:second?">
          <AudioPage />
        </Route>,
        path
      )
    const list = page('/audio')
    expect((await screen.findByTestId('audio-choice')).getAttribute('href')).toBe('/audio/a1')
    list.unmount()
    page('/audio/a1')
    expect(await screen.findByTestId('page-audio-asset')).toBeTruthy()
    expect(await screen.findByText('Cost $0.00200')).toBeTruthy()
    expect(screen.getAllByTestId('speaker-chip').map((c) => c.textContent)).toEqual(['Ada', 'B'])
    expect(screen.getAllByTestId('transcript-line')).toHaveLength(3)
  })
})
