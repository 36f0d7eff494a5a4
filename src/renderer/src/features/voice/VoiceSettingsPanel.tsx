import {
  Accordion,
  NumberInput,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  Textarea
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VoiceCapability, VoiceSettings, VoiceSettingsInput } from '@shared/domain/voice'

interface Props {
  value: VoiceSettings
  onChange(patch: Partial<VoiceSettingsInput>): void
  capability: VoiceCapability | undefined
  live: boolean
}

/** Everything a session is opened with; kept between visits, applied to the next conversation. */
export function VoiceSettingsPanel({ value, onChange, capability, live }: Props) {
  const { t } = useTranslation()
  const models = capability?.models ?? [value.model]
  return (
    <Accordion variant="contained" radius="lg" defaultValue="settings" data-testid="voice-settings">
      <Accordion.Item value="settings">
        <Accordion.Control>{t('voice.settings.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {live && (
              <Text size="xs" c="dimmed">
                {t('voice.settings.appliesNext')}
              </Text>
            )}
            <Select
              label={t('voice.settings.model')}
              data={withValue(models, value.model)}
              value={value.model}
              onChange={(v) => v && onChange({ model: v })}
              allowDeselect={false}
              data-testid="voice-model"
            />
            <Select
              label={t('voice.settings.voice')}
              data={withValue(capability?.voices ?? [], value.voice)}
              value={value.voice}
              onChange={(v) => v && onChange({ voice: v })}
              allowDeselect={false}
              data-testid="voice-voice"
            />
            <Textarea
              label={t('voice.settings.instructions')}
              placeholder={t('voice.settings.instructionsHint')}
              autosize
              minRows={2}
              maxRows={6}
              value={value.instructions}
              onChange={(e) => onChange({ instructions: e.currentTarget.value })}
              data-testid="voice-instructions"
            />
            <TurnSettings value={value} onChange={onChange} />
            <Select
              label={t('voice.settings.transcription')}
              data={[
                { value: 'off', label: t('voice.settings.transcriptionOff') },
                ...(capability?.transcriptionModels ?? []).map((m) => ({ value: m, label: m }))
              ]}
              value={value.transcriptionModel || 'off'}
              onChange={(v) => onChange({ transcriptionModel: !v || v === 'off' ? '' : v })}
              allowDeselect={false}
              data-testid="voice-transcription"
            />
            <Select
              label={t('voice.settings.noiseReduction')}
              data={(['off', 'near_field', 'far_field'] as const).map((v) => ({
                value: v,
                label: t(`voice.settings.noise.${v}`)
              }))}
              value={value.noiseReduction}
              onChange={(v) => v && onChange({ noiseReduction: v as VoiceSettings['noiseReduction'] })}
              allowDeselect={false}
            />
            <NumberInput
              label={t('voice.settings.maxOutputTokens')}
              min={0}
              max={4096}
              value={value.maxOutputTokens}
              onChange={(v) => onChange({ maxOutputTokens: Number(v) || 0 })}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('voice.settings.modality')}
              </Text>
              <SegmentedControl
                fullWidth
                value={value.modality}
                onChange={(v) => onChange({ modality: v as VoiceSettings['modality'] })}
                data={(['audio', 'text'] as const).map((v) => ({
                  value: v,
                  label: t(`voice.settings.modalities.${v}`)
                }))}
                data-testid="voice-modality"
              />
            </Stack>
            <Switch
              label={t('voice.settings.localTools')}
              description={t('voice.settings.localToolsHint')}
              checked={value.localTools}
              onChange={(e) => onChange({ localTools: e.currentTarget.checked })}
              data-testid="voice-local-tools"
            />
            <Switch
              label={t('voice.settings.saveAudio')}
              checked={value.saveAudio}
              onChange={(e) => onChange({ saveAudio: e.currentTarget.checked })}
              data-testid="voice-save-audio"
            />
            <NumberInput
              label={t('voice.settings.idleMinutes')}
              min={1}
              max={240}
              value={value.idleMinutes}
              onChange={(v) => onChange({ idleMinutes: Math.max(1, Number(v) || 1) })}
            />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}

function TurnSettings({ value, onChange }: Pick<Props, 'value' | 'onChange'>) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Select
        label={t('voice.settings.turnDetection')}
        data={(['server_vad', 'semantic_vad', 'push_to_talk'] as const).map((v) => ({
          value: v,
          label: t(`voice.settings.turn.${v}`)
        }))}
        value={value.turnDetection}
        onChange={(v) => v && onChange({ turnDetection: v as VoiceSettings['turnDetection'] })}
        allowDeselect={false}
        data-testid="voice-turn-detection"
      />
      {value.turnDetection === 'server_vad' && (
        <>
          <Text size="sm" fw={500}>
            {t('voice.settings.threshold')}
          </Text>
          <Slider
            min={0}
            max={1}
            step={0.05}
            value={value.vadThreshold}
            onChange={(v) => onChange({ vadThreshold: v })}
            label={(v) => v.toFixed(2)}
          />
          <NumberInput
            label={t('voice.settings.prefixPadding')}
            min={0}
            max={5000}
            step={50}
            value={value.prefixPaddingMs}
            onChange={(v) => onChange({ prefixPaddingMs: Number(v) || 0 })}
          />
          <NumberInput
            label={t('voice.settings.silence')}
            min={0}
            max={10000}
            step={50}
            value={value.silenceDurationMs}
            onChange={(v) => onChange({ silenceDurationMs: Number(v) || 0 })}
          />
        </>
      )}
      {value.turnDetection === 'semantic_vad' && (
        <Select
          label={t('voice.settings.eagerness')}
          data={(['auto', 'low', 'medium', 'high'] as const).map((v) => ({
            value: v,
            label: t(`voice.settings.eagernessValues.${v}`)
          }))}
          value={value.eagerness}
          onChange={(v) => v && onChange({ eagerness: v as VoiceSettings['eagerness'] })}
          allowDeselect={false}
        />
      )}
    </Stack>
  )
}

function withValue(options: string[], value: string): string[] {
  return options.includes(value) ? options : [value, ...options]
}
