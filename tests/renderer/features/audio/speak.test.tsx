import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SpeechView } from '../../../../src/shared/domain/audio'
import { SpeakPanel } from '../../../../src/renderer/src/features/audio/SpeakPanel'
import { ReadAloudButton } from '../../../../src/renderer/src/features/audio/ReadAloudButton'
import { fakeApi, renderUi } from '../../render'

// jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })
// jsdom cannot play media; playback is asked for and the element's state is what the test reads.
window.HTMLMediaElement.prototype.play = () => Promise.resolve()

const speech = (over: Partial<SpeechView>): SpeechView => ({
  id: 's1',
  status: 'running',
  text: 'Four score and seven years ago.',
  model: 'tts-1',
  voice: 'coral',
  instructions: null,
  speed: 1,
  format: 'mp3',
  chars: 9000,
  pieces: [
    { index: 0, chars: 590, durationS: 39.3, path: 'aa/p0.mp3' },
    { index: 1, chars: 4200, durationS: null, path: null },
    { index: 2, chars: 4200, durationS: null, path: null }
  ],
  assetId: null,
  path: null,
  durationS: null,
  costUsd: 0.000885,
  jobId: 'j1',
  createdAt: '2026-01-01T00:00:00Z',
  ...over
})

const provider = {
  id: 'p',
  name: 'OpenAI',
  isDefault: true,
  models: ['tts-1'],
  defaultModels: { speech: 'tts-1' },
  capabilities: {}
}

describe('Speak', () => {
  it('estimates the text, speaks it with the provider’s model, plays the first piece at once, then the joined file', async () => {
    let current = speech({})
    const api = fakeApi({
      'providers.list': () => [provider],
      'audio.speech.estimate': () => ({
        model: 'tts-1',
        chars: 9000,
        pieces: 3,
        durationS: 600,
        costUsd: 0.135
      }),
      'audio.speak': () => ({ jobId: 'j1', speechId: 's1' }),
      'audio.speech': () => current,
      'audio.speeches': () => [],
      'jobs.list': () => []
    })
    renderUi(<SpeakPanel />)
    await waitFor(() => expect(screen.getByTestId('speak-model')).toHaveProperty('value', 'tts-1'))
    fireEvent.change(screen.getByTestId('speak-text'), {
      target: { value: 'Four score and seven years ago.' }
    })
    expect(await screen.findByText('9,000 characters · 3 pieces · about 10:00 · $0.135')).toBeTruthy()
    // tts-1 takes no instructions, so none are asked for.
    expect(screen.queryByTestId('speak-instructions')).toBeNull()
    fireEvent.click(screen.getByTestId('speak-start'))
    await waitFor(() =>
      expect(api.calls.find((c) => c.route === 'audio.speak')?.input).toEqual({
        text: 'Four score and seven years ago.',
        model: 'tts-1',
        voice: 'coral',
        speed: 1,
        format: 'mp3'
      })
    )
    const piece = await screen.findByTestId('speech-piece-audio')
    expect(piece.getAttribute('src')).toBe('/media/aa/p0.mp3')
    expect(screen.getByTestId('speech-pieces').textContent).toBe('1 of 3 pieces')

    current = speech({ status: 'complete', assetId: 'a9', path: 'cc/joined.mp3', durationS: 600.1 })
    api.emit('job.updated', { id: 'j1', kind: 'audio.speak' })
    const joined = await screen.findByTestId('speech-audio', {}, { timeout: 3000 })
    expect(joined.getAttribute('src')).toBe('/media/cc/joined.mp3')
    expect(screen.getByTestId('speech-open').getAttribute('href')).toBe('/audio/a9')
  })

  it('reads any text aloud from a button, with the voices of gpt-4o-mini-tts and its instructions', async () => {
    const api = fakeApi({
      'providers.list': () => [{ ...provider, defaultModels: {} }],
      'audio.speak': () => ({ jobId: 'j1', speechId: 's1' }),
      'audio.speech': () => speech({ model: 'gpt-4o-mini-tts' }),
      'jobs.list': () => []
    })
    renderUi(<ReadAloudButton text="The robot breaks through." title="The battle" />)
    fireEvent.click(screen.getByTestId('read-aloud'))
    expect(await screen.findByText('Read aloud: The battle')).toBeTruthy()
    fireEvent.change(screen.getByTestId('speak-instructions'), { target: { value: 'Calm.' } })
    fireEvent.click(screen.getByTestId('read-aloud-start'))
    await waitFor(() =>
      expect(api.calls.find((c) => c.route === 'audio.speak')?.input).toMatchObject({
        text: 'The robot breaks through.',
        title: 'The battle',
        model: 'gpt-4o-mini-tts',
        instructions: 'Calm.'
      })
    )
    expect(await screen.findByTestId('speech-player')).toBeTruthy()
  })
})
