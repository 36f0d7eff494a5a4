import {
  Alert,
  Button,
  Group,
  JsonInput,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Extractor, ExtractorField, ImageDetail } from '@shared/domain/extract'
import { fieldsFromSchema, schemaFromFields } from '@shared/extractor-schema'
import { useSaveExtractor, useSchemaLint } from '../../api/images-hooks'
import { notifyError } from '../../i18n/notify-error'
import { emptyField, FieldTable } from './FieldTable'

interface Props {
  /** The extractor to edit (a built-in one is saved as a copy), or null for a new one. */
  base: Extractor | null
  onClose: () => void
  onSaved: (extractor: Extractor) => void
}

type Mode = 'fields' | 'schema'

function parseJson(text: string): { ok: true; value: Record<string, unknown> } | { ok: false } {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { ok: true, value: value as Record<string, unknown> }
      : { ok: false }
  } catch {
    return { ok: false }
  }
}

/** Name, instructions, detail and the row's shape: as a table of fields, or a pasted strict schema. */
export function ExtractorEditor({ base, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const save = useSaveExtractor()
  const baseFields = base ? (base.fields ?? fieldsFromSchema(base.schema)) : [emptyField()]
  const [name, setName] = useState(
    base ? (base.builtin ? t('images.copyOf', { name: base.name }) : base.name) : ''
  )
  const [instructions, setInstructions] = useState(base?.instructions ?? '')
  const [detail, setDetail] = useState<ImageDetail>(base?.detail ?? 'auto')
  const [mode, setMode] = useState<Mode>(baseFields ? 'fields' : 'schema')
  const [fields, setFields] = useState<ExtractorField[]>(baseFields ?? [emptyField()])
  const [schemaText, setSchemaText] = useState(
    JSON.stringify(base?.schema ?? schemaFromFields(fields), null, 2)
  )
  const parsed = parseJson(schemaText)
  const schema =
    mode === 'fields' ? schemaFromFields(fields.filter((f) => f.name)) : parsed.ok ? parsed.value : null
  const [debouncedSchema] = useDebouncedValue(schema, 300)
  const lint = useSchemaLint(debouncedSchema, debouncedSchema !== null)
  const issues = lint.data ?? []
  const switchMode = (next: Mode): void => {
    if (next === 'schema')
      setSchemaText(JSON.stringify(schemaFromFields(fields.filter((f) => f.name)), null, 2))
    if (next === 'fields' && parsed.ok) setFields(fieldsFromSchema(parsed.value) ?? fields)
    setMode(next)
  }
  const canSave = name.trim() && instructions.trim() && schema !== null && issues.length === 0
  const submit = (): void =>
    save.mutate(
      {
        id: base && !base.builtin ? base.id : undefined,
        name: name.trim(),
        template: base?.template ?? null,
        instructions: instructions.trim(),
        detail,
        model: base?.model ?? null,
        ...(mode === 'fields' ? { fields: fields.filter((f) => f.name) } : { schema: schema ?? {} })
      },
      { onSuccess: onSaved, onError: (error) => notifyError(t, error) }
    )
  const fieldsPossible = mode === 'fields' || (parsed.ok && fieldsFromSchema(parsed.value) !== null)
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={base ? t('images.editExtractor') : t('images.newExtractor')}
      data-testid="extractor-editor"
    >
      <Stack gap="sm">
        <TextInput
          label={t('images.extractorName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          data-testid="extractor-name"
        />
        <Textarea
          label={t('images.instructions')}
          description={t('images.instructionsHint')}
          value={instructions}
          onChange={(e) => setInstructions(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          required
          data-testid="extractor-instructions"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('images.detail')}
          </Text>
          <SegmentedControl
            value={detail}
            onChange={(v) => setDetail(v as ImageDetail)}
            data={(['low', 'high', 'auto'] as const).map((d) => ({
              value: d,
              label: t(`images.details.${d}`)
            }))}
          />
        </div>
        <Tabs value={mode} onChange={(v) => v && switchMode(v as Mode)}>
          <Tabs.List>
            <Tabs.Tab value="fields" disabled={!fieldsPossible} data-testid="tab-fields">
              {t('images.fieldsTab')}
            </Tabs.Tab>
            <Tabs.Tab value="schema" data-testid="tab-schema">
              {t('images.schemaTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="fields" pt="sm">
            <FieldTable fields={fields} onChange={setFields} />
          </Tabs.Panel>
          <Tabs.Panel value="schema" pt="sm">
            <JsonInput
              value={schemaText}
              onChange={setSchemaText}
              // A fixed height: reformatting on blur must not move the Save button under the pointer.
              rows={14}
              formatOnBlur
              validationError={t('images.schemaNotJson')}
              aria-label={t('images.schemaTab')}
              data-testid="schema-input"
            />
          </Tabs.Panel>
        </Tabs>
        {issues.length > 0 && (
          <Alert color="red" title={t('images.schemaIssues')} data-testid="schema-issues">
            <List size="sm">
              {issues.slice(0, 8).map((issue) => (
                <List.Item key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={!canSave} loading={save.isPending} data-testid="extractor-save">
            {t('images.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
