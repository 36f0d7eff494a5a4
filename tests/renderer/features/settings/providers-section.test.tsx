import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ProvidersSection } from '../../../../src/renderer/src/features/providers/ProvidersSection'
import { fakeApi, renderUi } from '../../render'

const provider = (over: Record<string, unknown>) => ({
  id: 'p1',
  kind: 'openai',
  name: 'Work OpenAI',
  baseURL: 'https://api.openai.com/v1',
  isDefault: true,
  local: false,
  hasKey: true,
  keySource: 'store',
  models: [],
  ...over
})

describe('Settings → Providers', () => {
  it('says where this run keeps keys, and lists the environment provider without edit or remove', async () => {
    fakeApi({
      'app.info': () => ({
        version: '1',
        dataDir: '/d',
        platform: 'linux',
        keyStore: 'file',
        keyFile: '/d/secrets.json'
      }),
      'providers.list': () => [
        provider({}),
        provider({ id: 'env', name: 'OpenAI (environment)', keySource: 'env', isDefault: false })
      ],
      'providers.presets': () => []
    })
    renderUi(<ProvidersSection />)
    expect(await screen.findByText(/a file only your user can read: \/d\/secrets\.json/)).toBeTruthy()
    const rows = await screen.findAllByTestId('provider-row')
    expect(rows).toHaveLength(2)
    expect(screen.getByTestId('provider-from-env')).toBeTruthy()
    expect(screen.getAllByTestId('provider-remove')).toHaveLength(1)
  })

  it('asks in the app’s own dialog before removing a provider', async () => {
    const api = fakeApi({
      'app.info': () => ({
        version: '1',
        dataDir: '/d',
        platform: 'linux',
        keyStore: 'keychain',
        keyFile: null
      }),
      'providers.list': () => [provider({})],
      'providers.presets': () => [],
      'providers.remove': () => ({ removed: true })
    })
    renderUi(<ProvidersSection />)
    fireEvent.click(await screen.findByTestId('provider-remove'))
    expect(await screen.findByText('Remove “Work OpenAI”?')).toBeTruthy()
    fireEvent.click(screen.getByTestId('provider-remove-confirm'))
    await waitFor(() => expect(api.calls).toContainEqual({ route: 'providers.remove', input: { id: 'p1' } }))
  })
})
