import { ActionIcon, Group, Select, Tooltip } from '@mantine/core'
import { IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Extractor } from '@shared/domain/extract'
import { useDeleteExtractor, useExtractors } from '../../api/images-hooks'
import { notifyError } from '../../i18n/notify-error'
import { ExtractorEditor } from './ExtractorEditor'

interface Props {
  value: string
  onChange: (id: string) => void
}

/** Built-in templates and the user's extractors; edit (a copy of a template), new, delete. */
export function ExtractorPicker({ value, onChange }: Props) {
  const { t } = useTranslation()
  const { data: extractors = [] } = useExtractors()
  const remove = useDeleteExtractor()
  const [editing, setEditing] = useState<Extractor | null | 'new'>(null)
  const current = extractors.find((e) => e.id === value)
  const label = (e: Extractor): string =>
    e.builtin && e.template ? t(`images.templates.${e.template}`) : e.name
  const data = [
    {
      group: t('images.templatesGroup'),
      items: extractors.filter((e) => e.builtin).map((e) => ({ value: e.id, label: label(e) }))
    },
    {
      group: t('images.yoursGroup'),
      items: extractors.filter((e) => !e.builtin).map((e) => ({ value: e.id, label: e.name }))
    }
  ].filter((g) => g.items.length > 0)
  return (
    <>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label={t('images.extractor')}
          data={data}
          value={value}
          onChange={(id) => id && onChange(id)}
          allowDeselect={false}
          searchable
          style={{ flex: 1 }}
          data-testid="extractor-select"
        />
        <Tooltip label={current?.builtin ? t('images.editCopy') : t('images.editExtractor')}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('images.editExtractor')}
            onClick={() => current && setEditing(current)}
            disabled={!current}
            data-testid="extractor-edit"
          >
            {current?.builtin ? <IconCopy size={16} /> : <IconPencil size={16} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('images.newExtractor')}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('images.newExtractor')}
            onClick={() => setEditing('new')}
            data-testid="extractor-new"
          >
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
        {current && !current.builtin && (
          <Tooltip label={t('images.deleteExtractor')}>
            <ActionIcon
              variant="default"
              color="red"
              size="lg"
              aria-label={t('images.deleteExtractor')}
              onClick={() =>
                remove.mutate(current.id, {
                  onSuccess: () => onChange(extractors.find((e) => e.builtin)?.id ?? ''),
                  onError: (error) => notifyError(t, error)
                })
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {editing && (
        <ExtractorEditor
          base={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null)
            onChange(saved.id)
          }}
        />
      )}
    </>
  )
}
