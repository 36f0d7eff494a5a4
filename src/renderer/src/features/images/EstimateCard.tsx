import { Alert, Group, Loader, Paper, Text, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RunChoice } from '@shared/domain/extract'
import { formatUsd } from '@shared/format'
import { useExtractEstimate } from '../../api/images-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'

/** What the run will send and cost, before anything is sent; as a Batch, half. */
export function EstimateCard({ choice, force = false }: { choice: RunChoice | null; force?: boolean }) {
  const { t } = useTranslation()
  const estimate = useExtractEstimate(choice, force)
  if (!choice) return null
  if (estimate.error) return <ErrorAlert error={estimate.error} />
  const e = estimate.data
  if (!e)
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{t('images.estimating')}</Text>
      </Group>
    )
  return (
    <Paper withBorder p="sm" data-testid="extract-estimate">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>
          {t('images.estimateLine', { cost: formatUsd(e.costUsd), batch: formatUsd(e.batchCostUsd) })}
        </Text>
        <Tooltip label={e.basis} multiline w={320}>
          <Group gap={4} c="dimmed">
            <IconInfoCircle size={14} />
            <Text size="xs">{t('images.estimateBasis')}</Text>
          </Group>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('images.estimateTokens', {
          images: e.images - e.cached,
          image: e.imageTokens.toLocaleString(),
          text: e.textTokens.toLocaleString(),
          output: e.outputTokens.toLocaleString(),
          model: e.model,
          detail: e.detail
        })}
      </Text>
      {e.cached > 0 && (
        <Alert variant="light" color="teal" mt="xs" p="xs">
          <Text size="xs">{t('images.estimateCached', { count: e.cached })}</Text>
        </Alert>
      )}
    </Paper>
  )
}
