import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconMicrophone } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { givesWordTimes, TRANSCRIBE_MODELS, type TranscribeOptionsInput } from '@shared/domain/audio'
import { formatUsd } from '@shared/format'
import { suits } from '@shared/model-hints'
import { useProviders } from '../../api/ai-hooks'
import { useTranscribe, useTranscribeEstimate } from '../../api/audio-hooks'
import { errorInfo } from '../../api/client'
import { errorText } from '../../i18n/error-text'

const LANGUAGES = ['en', 'zh', 'es', 'fr', 'de', 'ja', 'ko', 'pt', 'it', 'ru', 'ar', 'hi']

/** The usual three, and any transcription model the provider lists (a diarizing one among them). */
export function transcribeModels(listed: readonly string[]): string[] {
  return [...new Set([...TRANSCRIBE_MODELS, ...listed.filter((m) => suits(m, 'transcription'))])]
}

/** Model, language, prompt and timestamps; the estimate they imply; the button that starts it. */
export function TranscribeForm({
  asset,
  force,
  onStarted
}: {
  asset: Asset
  force: boolean
  onStarted?: () => void
}) {
  const { t } = useTranslation()
  const { data: providers = [] } = useProviders()
  const provider = providers.find((p) => p.isDefault) ?? providers[0]
  const models = transcribeModels(provider?.models ?? [])
  const [chosen, setOptions] = useState<TranscribeOptionsInput>({ timestamps: 'segment' })
  // Until a model is picked, the provider's own transcription model (known once providers load).
  const fallback = provider?.defaultModels.transcription ?? 'whisper-1'
  const options = useMemo(() => ({ ...chosen, model: chosen.model ?? fallback }), [chosen, fallback])
  const set = (patch: Partial<TranscribeOptionsInput>): void => setOptions((o) => ({ ...o, ...patch }))
  const [debounced] = useDebouncedValue(options, 300)
  const estimate = useTranscribeEstimate(asset.id, debounced)
  const transcribe = useTranscribe(asset.id)
  const words = givesWordTimes(options.model)
  const start = (): void =>
    transcribe.mutate(
      { options: { ...options, timestamps: words ? options.timestamps : 'segment' }, force },
      {
        onSuccess: ({ cached }) => {
          if (cached) notifications.show({ color: 'teal', message: t('audio.fromLibrary') })
          onStarted?.()
        }
      }
    )
  const failure = transcribe.error ?? estimate.error
  const problem = failure ? errorText(t, errorInfo(failure)) : null
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('audio.model')}
          data={models}
          value={options.model}
          onChange={(model) => set({ model: model ?? 'whisper-1' })}
          allowDeselect={false}
          data-testid="transcribe-model"
        />
        <Select
          label={t('audio.language')}
          placeholder={t('audio.languageAuto')}
          data={LANGUAGES.map((code) => ({ value: code, label: t(`video.languages.${code}`) }))}
          value={options.language ?? null}
          onChange={(language) => set({ language: language ?? undefined })}
          clearable
          searchable
        />
      </SimpleGrid>
      <Textarea
        label={t('audio.prompt')}
        description={t('audio.promptHint')}
        autosize
        minRows={1}
        maxRows={4}
        value={options.prompt ?? ''}
        onChange={(e) => set({ prompt: e.currentTarget.value || undefined })}
        data-testid="transcribe-prompt"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('audio.timestamps')}
        </Text>
        <SegmentedControl
          value={words ? (options.timestamps ?? 'segment') : 'segment'}
          onChange={(value) => set({ timestamps: value as 'segment' | 'word' })}
          data={[
            { value: 'segment', label: t('audio.bySegment') },
            { value: 'word', label: t('audio.byWord'), disabled: !words }
          ]}
          w="fit-content"
        />
        {!words && (
          <Text size="xs" c="dimmed">
            {t('audio.wordsOnlyWhisper')}
          </Text>
        )}
      </Stack>
      {problem && (
        <Alert color={transcribe.error ? 'red' : 'yellow'} title={problem.title}>
          {problem.detail}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" data-testid="transcribe-estimate">
          {estimate.data &&
            (estimate.data.cached
              ? t('audio.estimateCached')
              : t('audio.estimate', {
                  cost: formatUsd(estimate.data.costUsd),
                  minutes: estimate.data.minutes,
                  count: estimate.data.pieces
                }))}
        </Text>
        <Button
          leftSection={<IconMicrophone size={16} />}
          onClick={start}
          loading={transcribe.isPending}
          data-testid="transcribe-start"
        >
          {force ? t('audio.transcribeAgain') : t('audio.transcribe')}
        </Button>
      </Group>
    </Stack>
  )
}
