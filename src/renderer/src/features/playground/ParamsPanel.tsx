import {
  Autocomplete,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Textarea
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TurnSettings } from '@shared/domain/playground'
import { ModelFields } from './ModelFields'
import { takesVerbosity } from './settings-model'
import { useModelCatalog } from './useModelCatalog'

export type SettingsChange = (patch: Partial<TurnSettings>) => void

/** API, model and the parameters the model takes: reasoning models show effort, others sampling. */
export function ParamsPanel({ settings, onChange }: { settings: TurnSettings; onChange: SettingsChange }) {
  const { t } = useTranslation()
  const { models } = useModelCatalog(settings.providerId)
  const value = (v: string) => t(`playground.params.values.${v}`)
  const optional = (v: string | null) => (v ? v : undefined)
  const num = (v: string | number) => (typeof v === 'number' ? v : undefined)
  return (
    <Stack gap="xs" data-testid="params-panel">
      <SegmentedControl
        size="xs"
        value={settings.api}
        onChange={(api) => onChange({ api: api as TurnSettings['api'] })}
        data={[
          { value: 'responses', label: t('playground.params.responses') },
          { value: 'chat', label: t('playground.params.chat') }
        ]}
        data-testid="param-api"
      />
      <Autocomplete
        size="xs"
        label={t('playground.params.model')}
        value={settings.model ?? ''}
        onChange={(model) => onChange({ model: model || undefined })}
        data={models}
        placeholder={t('playground.params.default')}
        data-testid="param-model"
      />
      <Textarea
        size="xs"
        label={t('playground.params.instructions')}
        value={settings.instructions ?? ''}
        onChange={(e) => onChange({ instructions: e.currentTarget.value || undefined })}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="param-instructions"
      />
      <ModelFields settings={settings} onChange={onChange} />
      {takesVerbosity(settings.model) && (
        <Select
          size="xs"
          label={t('playground.params.verbosity')}
          data={['low', 'medium', 'high'].map((e) => ({ value: e, label: value(e) }))}
          value={settings.verbosity ?? null}
          onChange={(v) => onChange({ verbosity: optional(v) as TurnSettings['verbosity'] })}
          clearable
          placeholder={t('playground.params.default')}
        />
      )}
      <NumberInput
        size="xs"
        label={t('playground.params.maxOutputTokens')}
        min={1}
        value={settings.maxOutputTokens ?? ''}
        onChange={(v) => onChange({ maxOutputTokens: num(v) })}
      />
      {settings.api === 'chat' && (
        <>
          <NumberInput
            size="xs"
            label={t('playground.params.seed')}
            value={settings.seed ?? ''}
            onChange={(v) => onChange({ seed: num(v) })}
          />
          <TagsInput
            size="xs"
            label={t('playground.params.stop')}
            description={t('playground.params.stopHint')}
            value={settings.stop}
            onChange={(stop) => onChange({ stop: stop.slice(0, 4) })}
          />
        </>
      )}
      <Select
        size="xs"
        label={t('playground.params.detail')}
        data={['auto', 'low', 'high'].map((e) => ({ value: e, label: value(e) }))}
        value={settings.detail}
        onChange={(v) => onChange({ detail: (v ?? 'auto') as TurnSettings['detail'] })}
        data-testid="param-detail"
      />
      {settings.api === 'responses' && (
        <Switch
          size="xs"
          label={t('playground.params.store')}
          checked={settings.store !== false}
          onChange={(e) => onChange({ store: e.currentTarget.checked ? undefined : false })}
        />
      )}
    </Stack>
  )
}
