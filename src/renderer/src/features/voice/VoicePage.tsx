import { Alert, Grid, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useVoiceCapability } from '../../api/voice-hooks'
import { LiveConversation } from './LiveConversation'
import { SessionsPanel } from './SessionsPanel'
import { useLiveVoice } from './useLiveVoice'
import { useVoiceSettings } from './useVoiceSettings'
import { VoiceSettingsPanel } from './VoiceSettingsPanel'

/** #/voice: a spoken conversation with a Realtime model, its settings, and past conversations. */
export default function VoicePage() {
  const { t } = useTranslation()
  const [settings, update] = useVoiceSettings()
  const live = useLiveVoice()
  const capability = useVoiceCapability(settings.providerId)
  const realtime = capability.data?.realtime ?? false
  const client = useQueryClient()
  const phase = live.state.phase
  const said = live.entries.length
  // A conversation that starts, ends or gets a turn changes the list of past ones.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: ['voice', 'sessions'] })
  }, [client, phase, said])
  return (
    <Stack gap="md" className="fw-voice-page" data-testid="page-voice">
      <div>
        <Title order={2}>{t('voice.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('voice.subtitle')}
        </Text>
      </div>
      {capability.data && !realtime && (
        <Alert color="yellow" data-testid="voice-no-realtime">
          {capability.data.providerName
            ? t('voice.noRealtime', { provider: capability.data.providerName })
            : t('voice.noProvider')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <LiveConversation live={live} settings={settings} canStart={realtime} />
            <SessionsPanel liveId={live.state.sessionId} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <VoiceSettingsPanel
            value={settings}
            onChange={update}
            capability={capability.data}
            live={live.state.phase === 'live'}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
