import { Button, Group, JsonInput, Modal, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TurnSettings } from '@shared/domain/playground'
import { JsonSchemaField } from './JsonSchemaField'
import type { SettingsChange } from './ParamsPanel'
import { SCHEMA_TEMPLATES, schemaFromExample } from './settings-model'

/** Structured output: a schema from a template, from an example answer, or typed; linted as typed. */
export function SchemaEditor({ settings, onChange }: { settings: TurnSettings; onChange: SettingsChange }) {
  const { t } = useTranslation()
  const [example, exampleModal] = useDisclosure(false)
  const [exampleText, setExampleText] = useState('{\n  "name": "Paris",\n  "population": 2100000\n}')
  const schema = settings.schema
  const set = (patch: Partial<NonNullable<TurnSettings['schema']>>) =>
    onChange({
      schema: { name: schema?.name ?? 'answer', schema: schema?.schema ?? SCHEMA_TEMPLATES.city!, ...patch }
    })
  return (
    <Stack gap="xs" data-testid="schema-editor">
      <Switch
        size="xs"
        label={t('playground.schema.enable')}
        checked={Boolean(schema)}
        onChange={(e) => (e.currentTarget.checked ? set({}) : onChange({ schema: undefined }))}
        wrapperProps={{ 'data-testid': 'schema-enable' }}
      />
      {schema && (
        <>
          <Group gap={6} grow>
            <TextInput
              size="xs"
              label={t('playground.schema.name')}
              value={schema.name}
              onChange={(e) =>
                set({ name: e.currentTarget.value.replace(/[^A-Za-z0-9_-]/g, '_') || 'answer' })
              }
            />
            <Select
              size="xs"
              label={t('playground.schema.template')}
              data={Object.keys(SCHEMA_TEMPLATES).map((k) => ({
                value: k,
                label: t(`playground.schema.templates.${k}`)
              }))}
              value={null}
              onChange={(k) => k && set({ name: k, schema: SCHEMA_TEMPLATES[k]! })}
              data-testid="schema-template"
            />
          </Group>
          <JsonSchemaField
            label="JSON Schema"
            value={schema.schema}
            strict
            onChange={(s) => set({ schema: s })}
            testId="schema-json"
          />
          <Button size="xs" variant="light" onClick={exampleModal.open} data-testid="schema-from-example">
            {t('playground.schema.fromExample')}
          </Button>
        </>
      )}
      <Modal opened={example} onClose={exampleModal.close} title={t('playground.schema.exampleTitle')}>
        <JsonInput
          value={exampleText}
          onChange={setExampleText}
          autosize
          minRows={6}
          validationError={t('playground.functions.invalidJson', { message: '' })}
        />
        <Button
          mt="sm"
          fullWidth
          onClick={() => {
            try {
              set({ schema: schemaFromExample(JSON.parse(exampleText)) })
              exampleModal.close()
            } catch {
              // The field shows the JSON error; nothing changes.
            }
          }}
        >
          {t('playground.schema.generate')}
        </Button>
      </Modal>
    </Stack>
  )
}
