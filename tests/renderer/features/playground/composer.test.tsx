import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Route } from 'wouter'
import PlaygroundPage from '../../../../src/renderer/src/features/playground/PlaygroundPage'
import { fakeApi, renderUi } from '../../render'

if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

const provider = {
  id: 'p1',
  name: 'Fake',
  isDefault: true,
  hasKey: true,
  local: false,
  models: ['gpt-4o-mini', 'gpt-5']
}

function page(answers: Record<string, (input: unknown) => unknown>) {
  const api = fakeApi({
    'providers.list': () => [provider],
    'playground.conversations': () => [],
    'vectorstores.list': () => [],
    ...answers
  })
  renderUi(<Route path="/playground/:first?/:second?" component={PlaygroundPage} />, '/playground')
  return api
}

describe('the Playground composer', () => {
  it('keeps what was typed when the turn fails', async () => {
    const api = page({})
    const input = await screen.findByTestId('composer-input')
    fireEvent.change(input, { target: { value: 'A question worth keeping' } })
    fireEvent.click(screen.getByTestId('send'))
    await waitFor(() => expect(api.calls.some((c) => c.route === 'playground.send')).toBe(true))
    // The failure is reported (the fake transport names the route it does not answer)…
    await screen.findByText('playground.send')
    // …and the words are still there to send again.
    expect((screen.getByTestId('composer-input') as HTMLTextAreaElement).value).toBe(
      'A question worth keeping'
    )
  })

  it('sends the prompt with the settings of the panel, streaming under its own id', async () => {
    const api = page({})
    const input = await screen.findByTestId('composer-input')
    fireEvent.change(input, { target: { value: 'Hello' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(api.calls.some((c) => c.route === 'playground.send')).toBe(true))
    const sent = api.calls.find((c) => c.route === 'playground.send')?.input as Record<string, unknown>
    expect(sent).toMatchObject({ prompt: 'Hello', images: [], settings: { api: 'responses', tools: [] } })
    expect(sent.streamId).toMatch(/^pg-/)
  })
})
