import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ExtractRow } from '@shared/domain/extract'
import { errorText } from '../../i18n/error-text'

/** Every image that got no row, with its code in words and a retry. */
export function FailuresList({ rows, onRetry }: { rows: ExtractRow[]; onRetry: (assetId: string) => void }) {
  const { t } = useTranslation()
  const failed = rows.filter((r) => r.status === 'failed' || r.status === 'refused')
  if (failed.length === 0) return null
  return (
    <Paper withBorder p="sm" data-testid="failures">
      <Text fw={600} size="sm" mb="xs">
        {t('images.failures', { count: failed.length })}
      </Text>
      <Stack gap={6}>
        {failed.map((row) => {
          const error =
            row.status === 'refused'
              ? { title: t('images.refused'), detail: row.raw ?? '' }
              : errorText(t, row.error ?? { code: 'INTERNAL', message: '' })
          return (
            <Group key={row.assetId} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" style={{ minWidth: 0 }} truncate>
                <b>{row.file}</b> — {error.title}: {error.detail}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => onRetry(row.assetId)}>
                {t('common.retry')}
              </Button>
            </Group>
          )
        })}
      </Stack>
    </Paper>
  )
}
