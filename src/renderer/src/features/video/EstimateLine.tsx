import { Group, Loader, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CostEstimate } from '@shared/domain/video'
import { formatUsd } from '@shared/format'

/** What the run will cost, worked out locally from frame sizes, duration and the price table. */
export function EstimateLine({
  estimate,
  loading
}: {
  estimate: CostEstimate | undefined
  loading: boolean
}) {
  const { t } = useTranslation()
  if (!estimate) return loading ? <Loader size="xs" /> : null
  return (
    <Group gap={6} data-testid="estimate">
      <Text size="sm" fw={600}>
        {t('video.estimate', { cost: formatUsd(estimate.costUsd) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('video.estimateDetail', {
          frames: estimate.frames,
          detail: t(`video.options.details.${estimate.detail}`),
          imageTokens: estimate.imageTokens.toLocaleString(),
          promptTokens: estimate.promptTokens.toLocaleString(),
          outputTokens: estimate.outputTokens.toLocaleString(),
          minutes: estimate.audioMinutes,
          windows: estimate.windows
        })}
      </Text>
    </Group>
  )
}
