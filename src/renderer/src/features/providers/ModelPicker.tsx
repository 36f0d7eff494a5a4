import { Autocomplete, Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { modelHints, suits, type ModelPurpose } from '@shared/model-hints'
import type { Provider } from '@shared/domain/provider'

interface Props {
  label: string
  value: string | undefined
  onChange: (model: string | undefined) => void
  provider: Provider | undefined
  purpose: ModelPurpose
  placeholder?: string
  /** Well-known names offered even before the provider has been asked for its list. */
  suggested?: string[]
  testId?: string
}

/** A model name field that offers the provider's models (its /models list and catalog) with hints. */
export function ModelPicker({
  label,
  value,
  onChange,
  provider,
  purpose,
  placeholder,
  suggested = [],
  testId
}: Props) {
  const { t } = useTranslation()
  const models = [...new Set([...(provider?.models ?? []), ...suggested])]
    .filter((m) => suits(m, purpose))
    .sort()
  return (
    <Autocomplete
      label={label}
      placeholder={placeholder}
      data={models}
      value={value ?? ''}
      onChange={(model) => onChange(model.trim() || undefined)}
      limit={200}
      maxDropdownHeight={280}
      description={
        provider && models.length === 0 ? t('providers.noModelsYet', { name: provider.name }) : undefined
      }
      renderOption={({ option }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{option.value}</Text>
          {modelHints(option.value).map((hint) => (
            <Badge key={hint} size="xs" variant="light" color="gray" tt="none">
              {t(`providers.hints.${hint}`)}
            </Badge>
          ))}
        </Group>
      )}
      data-testid={testId}
    />
  )
}
