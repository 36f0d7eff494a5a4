import { useMantineColorScheme } from '@mantine/core'
import { useEffect } from 'react'
import { setLanguage } from '../i18n'
import { useSettings } from '../api/hooks'

/** Theme and language live in the library's settings; this applies them as soon as they change. */
export function usePreferencesSync(): void {
  const { data: settings } = useSettings()
  const { setColorScheme } = useMantineColorScheme()
  useEffect(() => {
    if (!settings) return
    setColorScheme(settings.theme)
    setLanguage(settings.language)
  }, [settings, setColorScheme])
}
