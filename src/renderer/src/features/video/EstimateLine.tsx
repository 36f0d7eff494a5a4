import { Group, Loader, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CostEstimate } from '@shared/domain/video'
import { formatUsd } from '@shared/format'

/** The estimate in words; frames and audio appear only when the file has them. */
function estimateParts(t: TFunction, e: CostEstimate): string[] {
  return [
    e.frames > 0
      ? t('video.estimateFrames', {
          count: e.frames,
          detail: t(`video.options.details.${e.detail}`),
          imageTokens: e.imageTokens.toLocaleString()
        })
      : null,
    t('video.estimateTokens', {
      promptTokens: e.promptTokens.toLocaleString(),
      outputTokens: e.outputTokens.toLocaleString()
    }),
    e.audioMinutes > 0 ? t('video.estimateAudio', { minutes: e.audioMinutes }) : null,
    e.windows > 1 ? t('video.estimateWindows', { count: e.windows }) : null
  ].filter((part): part is string => part !== null)
}

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
        {estimateParts(t, estimate).join(' · ')}
      </Text>
    </Group>
  )
}
