import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SummaryOptionsInput } from '@shared/domain/video'
import { useProviders } from '../../api/ai-hooks'
import { ModelPicker } from '../providers/ModelPicker'

const TRANSCRIBE_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe']
const LANGUAGES = ['en', 'zh', 'es', 'fr', 'de', 'ja', 'ko', 'pt', 'it', 'ru', 'ar', 'hi']

interface Props {
  value: SummaryOptionsInput
  onChange: (next: SummaryOptionsInput) => void
  hasAudio: boolean
  hasVideo: boolean
}

/** The choices a summary depends on; each one is part of the library's cache key. */
export function SummaryOptionsForm({ value, onChange, hasAudio, hasVideo }: Props) {
  const { t } = useTranslation()
  const { data: providers = [] } = useProviders()
  const provider = providers.find((p) => p.isDefault) ?? providers[0]
  const set = (patch: Partial<SummaryOptionsInput>): void => onChange({ ...value, ...patch })
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ModelPicker
          label={t('video.options.model')}
          placeholder={provider?.defaultModels.summary ?? t('video.options.modelDefault')}
          provider={provider}
          purpose={hasVideo ? 'vision' : 'chat'}
          value={value.model}
          onChange={(model) => set({ model })}
          testId="option-model"
        />
        <Select
          label={t('video.options.language')}
          placeholder={t('video.options.languageAuto')}
          data={LANGUAGES.map((code) => ({ value: code, label: t(`video.languages.${code}`) }))}
          value={value.language ?? null}
          onChange={(language) => set({ language: language ?? undefined })}
          clearable
          searchable
        />
        {hasVideo && (
          <NumberInput
            label={t('video.options.maxFrames')}
            description={t('video.options.maxFramesHint')}
            min={1}
            max={200}
            value={value.maxFrames ?? 32}
            onChange={(n) =>
              set({ maxFrames: typeof n === 'number' ? Math.min(200, Math.max(1, Math.round(n))) : 32 })
            }
            data-testid="option-max-frames"
          />
        )}
        {hasAudio && (
          <ModelPicker
            label={t('video.options.transcribeModel')}
            placeholder="whisper-1"
            provider={provider}
            purpose="transcription"
            suggested={TRANSCRIBE_MODELS}
            value={value.transcribeModel}
            onChange={(model) => set({ transcribeModel: model ?? 'whisper-1' })}
          />
        )}
      </SimpleGrid>
      {hasVideo && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('video.options.detail')}
          </Text>
          <SegmentedControl
            value={value.detail ?? 'auto'}
            onChange={(detail) => set({ detail: detail as 'low' | 'high' | 'auto' })}
            data={(['low', 'auto', 'high'] as const).map((d) => ({
              value: d,
              label: t(`video.options.details.${d}`)
            }))}
            data-testid="option-detail"
          />
          <Text size="xs" c="dimmed">
            {t(`video.options.detailHint.${value.detail ?? 'auto'}`)}
          </Text>
        </Stack>
      )}
    </Stack>
  )
}
