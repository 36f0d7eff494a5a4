import { Paper, Spoiler, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { useSpeechForAsset } from '../../api/audio-hooks'

/** A recording Framewise spoke from text: the text and how it was spoken. */
export function SpeechSource({ asset }: { asset: Asset }) {
  const { t } = useTranslation()
  const { data: speech } = useSpeechForAsset(asset.id, asset.kind === 'audio')
  if (!speech) return null
  const how = [speech.model, speech.voice, `${speech.speed}×`, speech.instructions]
    .filter(Boolean)
    .join(' · ')
  return (
    <Paper withBorder radius="lg" p="md" data-testid="speech-source">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('audio.spokenFrom')}
        </Text>
        <Text size="xs" c="dimmed">
          {how}
        </Text>
        <Spoiler maxHeight={120} showLabel={t('audio.showAll')} hideLabel={t('audio.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {speech.text}
          </Text>
        </Spoiler>
      </Stack>
    </Paper>
  )
}
