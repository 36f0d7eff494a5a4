import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Settings } from '../../../../src/shared/domain/settings'
import { AppearanceSection } from '../../../../src/renderer/src/features/settings/AppearanceSection'
import { fakeApi, renderUi } from '../../render'

describe('Settings → Appearance', () => {
  it('sends only the field that changed, so theme and language never undo each other', async () => {
    let stored: Settings = {
      theme: 'dark',
      language: 'zh-CN',
      ffmpegPath: '',
      ffprobePath: '',
      libraryGridSize: 'medium'
    }
    const api = fakeApi({
      'settings.get': () => stored,
      'settings.update': (patch) => (stored = { ...stored, ...(patch as Partial<Settings>) })
    })
    renderUi(<AppearanceSection />)
    fireEvent.click(await screen.findByText('Light'))
    await waitFor(() => expect(api.calls.some((c) => c.route === 'settings.update')).toBe(true))
    const update = api.calls.find((c) => c.route === 'settings.update')
    expect(update?.input).toEqual({ theme: 'light' })
    expect(stored).toMatchObject({ theme: 'light', language: 'zh-CN' })
  })
})
