import { useCallback, useState } from 'react'
import { VoiceSettings, type VoiceSettingsInput } from '@shared/domain/voice'

const KEY = 'framewise.voice.settings'

function load(): VoiceSettings {
  try {
    const stored = localStorage.getItem(KEY)
    const parsed = VoiceSettings.safeParse(stored ? (JSON.parse(stored) as unknown) : {})
    return parsed.success ? parsed.data : VoiceSettings.parse({})
  } catch {
    return VoiceSettings.parse({})
  }
}

/** The session settings, kept in this browser profile between visits. */
export function useVoiceSettings(): [VoiceSettings, (patch: Partial<VoiceSettingsInput>) => void] {
  const [settings, setSettings] = useState<VoiceSettings>(load)
  const update = useCallback((patch: Partial<VoiceSettingsInput>) => {
    setSettings((current) => {
      const next = VoiceSettings.parse({ ...current, ...patch })
      localStorage.setItem(KEY, JSON.stringify(next))
      return next
    })
  }, [])
  return [settings, update]
}
