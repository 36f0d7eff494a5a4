import { ActionIcon, Button, Checkbox, Group, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ExtractorField } from '@shared/domain/extract'

const TYPES = ['string', 'number', 'integer', 'boolean'] as const

export const emptyField = (): ExtractorField => ({
  name: '',
  type: 'string',
  description: '',
  enum: [],
  list: false
})

/** One row per field: name, type, what it means, allowed values, and whether it is a list. */
export function FieldTable({
  fields,
  onChange
}: {
  fields: ExtractorField[]
  onChange: (fields: ExtractorField[]) => void
}) {
  const { t } = useTranslation()
  const set = (index: number, patch: Partial<ExtractorField>): void =>
    onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)))
  return (
    <Stack gap="xs" data-testid="field-table">
      {fields.map((field, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="wrap" data-testid="field-row">
          <TextInput
            label={index === 0 ? t('images.fieldName') : undefined}
            aria-label={t('images.fieldName')}
            value={field.name}
            onChange={(e) => set(index, { name: e.currentTarget.value })}
            w={150}
            error={
              field.name && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field.name)
                ? t('images.fieldNameRule')
                : undefined
            }
          />
          <Select
            label={index === 0 ? t('images.fieldType') : undefined}
            aria-label={t('images.fieldType')}
            data={TYPES.map((type) => ({ value: type, label: t(`images.types.${type}`) }))}
            value={field.type}
            onChange={(type) =>
              type &&
              set(index, { type: type as ExtractorField['type'], enum: type === 'string' ? field.enum : [] })
            }
            allowDeselect={false}
            w={120}
          />
          <TextInput
            label={index === 0 ? t('images.fieldDescription') : undefined}
            aria-label={t('images.fieldDescription')}
            value={field.description}
            onChange={(e) => set(index, { description: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 160 }}
          />
          <TagsInput
            label={index === 0 ? t('images.fieldEnum') : undefined}
            aria-label={t('images.fieldEnum')}
            value={field.enum}
            onChange={(values) => set(index, { enum: values })}
            disabled={field.type !== 'string'}
            placeholder={field.type === 'string' ? t('images.fieldEnumAny') : undefined}
            w={170}
          />
          <Checkbox
            label={t('images.fieldList')}
            checked={field.list}
            onChange={(e) => set(index, { list: e.currentTarget.checked })}
            mb={8}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('images.fieldRemove')}
            onClick={() => onChange(fields.filter((_, i) => i !== index))}
            disabled={fields.length === 1}
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...fields, emptyField()])}
          data-testid="add-field"
        >
          {t('images.addField')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('images.fieldsHint')}
        </Text>
      </Group>
    </Stack>
  )
}
