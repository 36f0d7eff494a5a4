import { Group, Text, Tooltip } from '@mantine/core'
import { IconCoin } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CostEstimate, VideoAnalysis } from '@shared/domain/video'
import { formatUsd } from '@shared/format'

/** What the run cost (from the usage ledger) next to what was estimated before it ran. */
export function CostLine({
  analysis,
  estimate
}: {
  analysis: VideoAnalysis
  estimate: CostEstimate | undefined
}) {
  const { t } = useTranslation()
  const u = analysis.usage
  return (
    <Group gap={6} wrap="wrap" data-testid="cost-line">
      <IconCoin size={16} opacity={0.6} />
      <Tooltip label={t('video.costTooltip')}>
        <Text size="sm" fw={600}>
          {t('video.actualCost', { cost: formatUsd(analysis.costUsd) })}
        </Text>
      </Tooltip>
      <Text size="sm" c="dimmed">
        {t('video.tokens', {
          input: u.inputTokens.toLocaleString(),
          cached: u.cachedTokens.toLocaleString(),
          output: u.outputTokens.toLocaleString()
        })}
      </Text>
      {estimate && (
        <Text size="sm" c="dimmed">
          ·{' '}
          {t('video.estimatedWas', {
            cost: formatUsd(estimate.costUsd),
            tokens: estimate.promptTokens.toLocaleString()
          })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        · {analysis.model}
      </Text>
    </Group>
  )
}
