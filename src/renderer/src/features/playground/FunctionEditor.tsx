import { Button, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FunctionDef, TurnSettings } from '@shared/domain/playground'
import { JsonSchemaField } from './JsonSchemaField'
import type { SettingsChange } from './ParamsPanel'

const EMPTY_PARAMS = { type: 'object', properties: {}, required: [], additionalProperties: false }

/** User-defined functions (schema linted as it is typed), tool_choice and parallel calls. */
export function FunctionEditor({ settings, onChange }: { settings: TurnSettings; onChange: SettingsChange }) {
  const { t } = useTranslation()
  const fns = settings.functions
  const update = (i: number, patch: Partial<FunctionDef>) =>
    onChange({ functions: fns.map((f, j) => (j === i ? { ...f, ...patch } : f)) })
  const choice = typeof settings.toolChoice === 'object' ? settings.toolChoice.name : settings.toolChoice
  return (
    <Stack gap="xs" data-testid="function-editor">
      {fns.map((fn, i) => (
        <Paper key={i} withBorder p="xs" radius="sm" data-testid="function-def">
          <Stack gap={6}>
            <Group gap={6} wrap="nowrap" align="flex-end">
              <TextInput
                size="xs"
                label={t('playground.functions.name')}
                value={fn.name}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                style={{ flex: 1 }}
                data-testid="function-name"
              />
              <Switch
                size="xs"
                label={t('playground.functions.strict')}
                checked={fn.strict}
                onChange={(e) => update(i, { strict: e.currentTarget.checked })}
              />
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => onChange({ functions: fns.filter((_, j) => j !== i) })}
                aria-label={t('playground.functions.remove')}
              >
                <IconTrash size={14} />
              </Button>
            </Group>
            <TextInput
              size="xs"
              label={t('playground.functions.description')}
              value={fn.description}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
            />
            <JsonSchemaField
              label={t('playground.functions.parameters')}
              value={fn.parameters}
              strict={fn.strict}
              onChange={(parameters) => update(i, { parameters })}
              testId="function-parameters"
            />
          </Stack>
        </Paper>
      ))}
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          onChange({
            functions: [
              ...fns,
              { name: `function_${fns.length + 1}`, description: '', parameters: EMPTY_PARAMS, strict: true }
            ]
          })
        }
        data-testid="add-function"
      >
        {t('playground.functions.add')}
      </Button>
      <Text size="xs" fw={600}>
        {t('playground.functions.toolChoice')}
      </Text>
      <Select
        size="xs"
        value={choice}
        onChange={(v) =>
          onChange({
            toolChoice:
              !v || ['auto', 'required', 'none'].includes(v) ? ((v ?? 'auto') as 'auto') : { name: v }
          })
        }
        data={[
          ...(['auto', 'required', 'none'] as const).map((c) => ({
            value: c,
            label: t(`playground.functions.choice.${c}`)
          })),
          ...fns.map((f) => ({ value: f.name, label: f.name }))
        ]}
        data-testid="tool-choice"
      />
      <Switch
        size="xs"
        label={t('playground.functions.parallel')}
        checked={settings.parallelToolCalls}
        onChange={(e) => onChange({ parallelToolCalls: e.currentTarget.checked })}
      />
    </Stack>
  )
}
