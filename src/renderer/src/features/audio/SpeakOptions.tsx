import { Select, SimpleGrid, Slider, Stack, Text, Textarea } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  SPEECH_FORMATS,
  SPEECH_MODELS,
  SPEED_RANGE,
  takesInstructions,
  voicesFor,
  type SpeechFormat
} from '@shared/domain/audio'
import { suits } from '@shared/model-hints'
import { useProviders } from '../../api/ai-hooks'

export interface SpeakChoice {
  model: string
  voice: string
  instructions: string
  speed: number
  format: SpeechFormat
}

export const ALL_VOICES = voicesFor('gpt-4o-mini-tts') ?? []

/** The speech options being chosen; until a model is picked, the provider's speech model. */
export function useSpeakChoice(): [SpeakChoice, (next: SpeakChoice) => void] {
  const { data: providers = [] } = useProviders()
  const provider = providers.find((p) => p.isDefault) ?? providers[0]
  const fallback = provider?.defaultModels.speech ?? 'gpt-4o-mini-tts'
  const [picked, setPicked] = useState<Omit<SpeakChoice, 'model'> & { model?: string }>({
    voice: 'coral',
    instructions: '',
    speed: 1,
    format: 'mp3'
  })
  const choice = useMemo(() => ({ ...picked, model: picked.model ?? fallback }), [picked, fallback])
  return [choice, setPicked]
}

/** Model, one of its voices, instructions (gpt-4o-mini-tts), speed and format. */
export function SpeakOptions({
  value,
  onChange,
  compact = false
}: {
  value: SpeakChoice
  onChange: (next: SpeakChoice) => void
  compact?: boolean
}) {
  const { t } = useTranslation()
  const { data: providers = [] } = useProviders()
  const provider = providers.find((p) => p.isDefault) ?? providers[0]
  const models = [
    ...new Set([...SPEECH_MODELS, ...(provider?.models ?? []).filter((m) => suits(m, 'speech'))])
  ]
  const voices = voicesFor(value.model) ?? ALL_VOICES
  const set = (patch: Partial<SpeakChoice>): void => {
    const next = { ...value, ...patch }
    // A voice the new model lacks is swapped for its first one, so nothing is refused later.
    const offered = voicesFor(next.model)
    onChange(offered && !offered.includes(next.voice) ? { ...next, voice: offered[0] as string } : next)
  }
  return (
    <Stack gap="sm">
      <SimpleGrid cols={compact ? 2 : { base: 1, xs: 2 }}>
        <Select
          label={t('audio.model')}
          data={models}
          value={value.model}
          onChange={(m) => m && set({ model: m })}
          allowDeselect={false}
          data-testid="speak-model"
        />
        <Select
          label={t('audio.voice')}
          data={[...voices]}
          value={value.voice}
          onChange={(v) => v && set({ voice: v })}
          allowDeselect={false}
          searchable
          data-testid="speak-voice"
        />
      </SimpleGrid>
      {takesInstructions(value.model) && (
        <Textarea
          label={t('audio.instructions')}
          placeholder={t('audio.instructionsHint')}
          autosize
          minRows={1}
          maxRows={3}
          value={value.instructions}
          onChange={(e) => set({ instructions: e.currentTarget.value })}
          data-testid="speak-instructions"
        />
      )}
      {!compact && (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('audio.speed', { speed: value.speed.toFixed(2) })}
            </Text>
            <Slider
              min={SPEED_RANGE.min}
              max={SPEED_RANGE.max}
              step={0.05}
              value={value.speed}
              onChange={(speed) => set({ speed })}
              label={(v) => `${v.toFixed(2)}×`}
              marks={[
                { value: 1, label: '1×' },
                { value: 2, label: '2×' },
                { value: 4, label: '4×' }
              ]}
              mb="md"
              aria-label={t('audio.speedLabel')}
            />
          </Stack>
          <Select
            label={t('audio.format')}
            data={SPEECH_FORMATS.map((f) => ({ value: f, label: t(`audio.speechFormats.${f}`) }))}
            value={value.format}
            onChange={(f) => f && set({ format: f as SpeechFormat })}
            allowDeselect={false}
            data-testid="speak-format"
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
