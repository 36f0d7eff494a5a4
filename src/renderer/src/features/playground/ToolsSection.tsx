import { Checkbox, Chip, Group, Stack, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { BuiltinTool, type TurnSettings } from '@shared/domain/playground'
import type { SettingsChange } from './ParamsPanel'
import { useVectorStores } from '../../api/playground-hooks'

/** Built-in tools (Responses only), Framewise's local functions, and the stores file search reads. */
export function ToolsSection({ settings, onChange }: { settings: TurnSettings; onChange: SettingsChange }) {
  const { t } = useTranslation()
  const stores = useVectorStores()
  const responses = settings.api === 'responses'
  return (
    <Stack gap="xs" data-testid="tools-section">
      {!responses && (
        <Text size="xs" c="dimmed">
          {t('playground.tools.responsesOnly')}
        </Text>
      )}
      <Chip.Group
        multiple
        value={settings.tools}
        onChange={(tools) => onChange({ tools: tools as TurnSettings['tools'] })}
      >
        <Group gap={6}>
          {BuiltinTool.options.map((tool) => (
            <Chip
              key={tool}
              value={tool}
              size="xs"
              disabled={!responses}
              wrapperProps={{ 'data-testid': `tool-${tool}` }}
            >
              {t(`playground.tools.${tool}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {responses && settings.tools.includes('file_search') && (
        <Stack gap={2}>
          {(stores.data ?? []).map((store) => (
            <Checkbox
              key={store.id}
              size="xs"
              label={`${store.name} · ${t('playground.stores.files', { count: store.files.length })}`}
              checked={settings.vectorStoreIds.includes(store.id)}
              onChange={(e) =>
                onChange({
                  vectorStoreIds: e.currentTarget.checked
                    ? [...settings.vectorStoreIds, store.id]
                    : settings.vectorStoreIds.filter((id) => id !== store.id)
                })
              }
            />
          ))}
        </Stack>
      )}
      <Switch
        size="xs"
        label={t('playground.tools.localTools')}
        description={t('playground.tools.localToolsHint')}
        checked={settings.localTools}
        onChange={(e) => onChange({ localTools: e.currentTarget.checked })}
        wrapperProps={{ 'data-testid': 'local-tools' }}
      />
    </Stack>
  )
}
