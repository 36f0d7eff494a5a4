import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OfflineNotice } from '../../../../src/renderer/src/features/video/OfflineNotice'
import { fakeApi, renderUi } from '../../render'

describe('provider unreachable', () => {
  it('names the provider and its address, and offers Retry now and another provider', async () => {
    const api = fakeApi({
      'providers.list': () => [
        { id: 'a', name: 'Office LM Studio', baseURL: 'http://10.0.0.5:1234/v1', isDefault: false },
        { id: 'b', name: 'OpenAI', baseURL: 'https://api.openai.com/v1', isDefault: true }
      ],
      'jobs.retry': () => ({})
    })
    renderUi(<OfflineNotice jobId="j1" providerId="a" />)
    expect(await screen.findByText('Cannot reach Office LM Studio at http://10.0.0.5:1234/v1.')).toBeTruthy()
    expect(screen.getByTestId('offline-other-provider').getAttribute('href')).toMatch(/settings/)
    fireEvent.click(screen.getByTestId('offline-retry'))
    await waitFor(() => expect(api.calls).toContainEqual({ route: 'jobs.retry', input: { id: 'j1' } }))
  })
})
