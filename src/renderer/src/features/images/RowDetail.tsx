import { Badge, Button, Code, Drawer, Grid, Group, Image, ScrollArea, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExtractRow } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { useEditRow } from '../../api/images-hooks'
import { mediaUrl } from '../../api/media-url'
import { errorText } from '../../i18n/error-text'
import { notifyError } from '../../i18n/notify-error'
import { FieldInput, type FieldSchema } from './FieldInput'

const isLongText = (value: unknown): boolean =>
  typeof value === 'string' && (value.length > 80 || value.includes('\n'))

interface Props {
  runId: string
  row: ExtractRow
  /** The run's JSON schema: each field's input follows its declared type. */
  schema: Record<string, unknown>
  imagePath: string | null
  onClose: () => void
}

/** The photo and its row side by side: edit fields (kept apart from the model's answer), see the raw JSON. */
export function RowDetail({ runId, row, schema, imagePath, onClose }: Props) {
  const { t } = useTranslation()
  const edit = useEditRow(runId)
  const [draft, setDraft] = useState<Record<string, unknown>>(row.fields ?? {})
  const properties = (schema.properties ?? {}) as Record<string, FieldSchema>
  const invalid = Object.values(draft).some((v) => v === undefined)
  const changed = Object.keys(draft).filter(
    (k) => JSON.stringify(draft[k]) !== JSON.stringify(row.fields?.[k])
  )
  const save = (edits: Record<string, unknown>): void =>
    edit.mutate({ assetId: row.assetId, edits }, { onError: (error) => notifyError(t, error) })
  const error = row.error ? errorText(t, row.error) : null
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={row.file} data-testid="row-detail">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Image src={mediaUrl(imagePath)} radius="sm" fit="contain" mah={420} alt={row.file} />
          <Group gap="xs" mt="xs">
            <Badge variant="light">{t(`images.rowStatus.${row.status}`)}</Badge>
            <Text size="xs" c="dimmed">
              {row.cached
                ? t('images.cachedLong')
                : t('images.rowUsage', {
                    input: row.usage.inputTokens,
                    cached: row.usage.cachedTokens,
                    output: row.usage.outputTokens,
                    cost: formatUsd(row.costUsd)
                  })}
            </Text>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          {row.fields ? (
            <Stack gap="xs">
              {Object.keys(row.fields).map((name) => (
                <Group key={name} align="flex-end" gap="xs" wrap="nowrap">
                  <div style={{ flex: 1 }}>
                    <FieldInput
                      name={name}
                      schema={properties[name]}
                      value={draft[name]}
                      multiline={isLongText(row.original?.[name])}
                      onChange={(v) => setDraft((d) => ({ ...d, [name]: v }))}
                    />
                  </div>
                  {row.edited.includes(name) && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => {
                        setDraft((d) => ({ ...d, [name]: row.original?.[name] ?? null }))
                        save({ [name]: null })
                      }}
                    >
                      {t('images.revert')}
                    </Button>
                  )}
                </Group>
              ))}
              <Group justify="flex-end">
                <Button
                  onClick={() => save(Object.fromEntries(changed.map((k) => [k, draft[k]])))}
                  disabled={changed.length === 0 || invalid}
                  loading={edit.isPending}
                  data-testid="save-row"
                >
                  {t('images.saveEdits', { count: changed.length })}
                </Button>
              </Group>
              <Text size="sm" fw={600} mt="sm">
                {t('images.modelAnswer')}
              </Text>
              <ScrollArea.Autosize mah={260}>
                <Code block data-testid="row-json">
                  {JSON.stringify(row.original, null, 2)}
                </Code>
              </ScrollArea.Autosize>
            </Stack>
          ) : (
            <Stack gap="xs">
              {error && (
                <Text size="sm" c="red">
                  {error.title}: {error.detail}
                </Text>
              )}
              {row.raw && (
                <>
                  <Text size="sm" fw={600}>
                    {row.status === 'refused' ? t('images.refusal') : t('images.rawAnswer')}
                  </Text>
                  <Code block>{row.raw}</Code>
                </>
              )}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Drawer>
  )
}
