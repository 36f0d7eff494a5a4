import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import VoicePage from '../../../../src/renderer/src/features/voice/VoicePage'
import { fakeApi, renderUi } from '../../render'

const capability = (realtime: boolean, providerName: string | null) => () => ({
  providerId: providerName ? 'p1' : null,
  providerName,
  realtime,
  models: ['gpt-realtime', 'gpt-realtime-mini'],
  voices: ['marin', 'cedar'],
  transcriptionModels: ['gpt-4o-mini-transcribe']
})
const noSessions = () => ({ items: [], nextCursor: null })

describe('the Voice page', () => {
  it('says when the provider has no Realtime API, names it, and offers no Start', async () => {
    fakeApi({ 'voice.capability': capability(false, 'DeepSeek'), 'voice.sessions': noSessions })
    renderUi(<VoicePage />, '/voice')
    const notice = await screen.findByTestId('voice-no-realtime')
    expect(notice.textContent).toContain('DeepSeek does not offer the Realtime API')
    expect((screen.getByTestId('voice-start') as HTMLButtonElement).disabled).toBe(true)
  })

  it('lets a conversation start with a Realtime provider, and lists none yet', async () => {
    fakeApi({ 'voice.capability': capability(true, 'OpenAI'), 'voice.sessions': noSessions })
    renderUi(<VoicePage />, '/voice')
    await screen.findByTestId('voice-sessions-empty')
    expect((screen.getByTestId('voice-start') as HTMLButtonElement).disabled).toBe(false)
    expect(screen.queryByTestId('voice-no-realtime')).toBeNull()
  })
})
