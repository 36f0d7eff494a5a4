import { NumberInput, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TurnSettings } from '@shared/domain/playground'
import type { SettingsChange } from './ParamsPanel'
import { isReasoningModel } from './settings-model'

const EFFORTS = ['minimal', 'low', 'medium', 'high'] as const

/** Reasoning models get an effort and a summary; the others temperature and top P. */
export function ModelFields({ settings, onChange }: { settings: TurnSettings; onChange: SettingsChange }) {
  const { t } = useTranslation()
  const reasoning = isReasoningModel(settings.model)
  const value = (v: string) => t(`playground.params.values.${v}`)
  const optional = (v: string | null) => (v ? v : undefined)
  const num = (v: string | number) => (typeof v === 'number' ? v : undefined)
  return (
    <>
      {reasoning ? (
        <>
          <Text size="xs" c="dimmed" data-testid="reasoning-hint">
            {t('playground.params.reasoningHint')}
          </Text>
          <Select
            size="xs"
            label={t('playground.params.reasoningEffort')}
            data={EFFORTS.map((e) => ({ value: e, label: value(e) }))}
            value={settings.reasoningEffort ?? null}
            onChange={(v) => onChange({ reasoningEffort: optional(v) as TurnSettings['reasoningEffort'] })}
            clearable
            placeholder={t('playground.params.default')}
            data-testid="param-effort"
          />
          {settings.api === 'responses' && (
            <Select
              size="xs"
              label={t('playground.params.reasoningSummary')}
              data={['auto', 'concise', 'detailed'].map((e) => ({ value: e, label: value(e) }))}
              value={settings.reasoningSummary ?? null}
              onChange={(v) =>
                onChange({ reasoningSummary: optional(v) as TurnSettings['reasoningSummary'] })
              }
              clearable
              placeholder={t('playground.params.none')}
              data-testid="param-summary"
            />
          )}
        </>
      ) : (
        <>
          <NumberInput
            size="xs"
            label={t('playground.params.temperature')}
            min={0}
            max={2}
            step={0.1}
            decimalScale={2}
            value={settings.temperature ?? ''}
            onChange={(v) => onChange({ temperature: num(v) })}
            data-testid="param-temperature"
          />
          <NumberInput
            size="xs"
            label={t('playground.params.topP')}
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={settings.topP ?? ''}
            onChange={(v) => onChange({ topP: num(v) })}
            data-testid="param-top-p"
          />
        </>
      )}
    </>
  )
}
