import { Stack, Tabs, Text, Title } from '@mantine/core'
import { IconMicrophone, IconVolume } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'wouter'
import { VideoChooser } from '../video/VideoChooser'
import { SpeakPanel } from './SpeakPanel'
import { TranscribeById } from './TranscribeById'
import { useAudioEvents } from './useAudioEvents'

/** /audio: pick a recording to transcribe; /audio/:assetId[/:find]: its transcript; /audio/speak: text → speech. */
export default function AudioPage() {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const { first, second } = useParams<{ first?: string; second?: string }>()
  useAudioEvents()
  const tab = first === 'speak' ? 'speak' : 'transcribe'
  if (tab === 'transcribe' && first)
    return <TranscribeById assetId={first} find={second ? decodeURIComponent(second) : undefined} />
  return (
    <Stack gap="md" data-testid="page-audio">
      <div>
        <Title order={2}>{t('audio.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audio.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(value) => navigate(value === 'speak' ? '/audio/speak' : '/audio')}>
        <Tabs.List>
          <Tabs.Tab
            value="transcribe"
            leftSection={<IconMicrophone size={16} />}
            data-testid="tab-transcribe"
          >
            {t('audio.transcribeTab')}
          </Tabs.Tab>
          <Tabs.Tab value="speak" leftSection={<IconVolume size={16} />} data-testid="tab-speak">
            {t('audio.speakTab')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'speak' ? (
        <SpeakPanel />
      ) : (
        <VideoChooser
          heading={null}
          href={(id) => `/audio/${id}`}
          empty={t('audio.noRecordings')}
          testId="audio-choice"
        />
      )}
    </Stack>
  )
}
