import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Message } from '@shared/domain/playground'
import { formatUsd } from '@shared/format'

export const seconds = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`

/** Tokens (cached and reasoning included), cost and latency of one answer; the cache saving when there is one. */
export function UsageLine({ message }: { message: Message }) {
  const { t, i18n } = useTranslation()
  const u = message.usage
  const n = (value: number) => value.toLocaleString(i18n.language)
  const percent = u.inputTokens > 0 ? Math.round((u.cachedTokens / u.inputTokens) * 100) : 0
  return (
    <Group gap={8} wrap="wrap" data-testid="usage-line">
      <Text size="xs" c="dimmed">
        {message.model}
      </Text>
      <Text size="xs" c="dimmed">
        {t('playground.usage.line', {
          input: n(u.inputTokens),
          cached: n(u.cachedTokens),
          output: n(u.outputTokens),
          reasoning: n(u.reasoningTokens),
          cost: formatUsd(message.costUsd),
          latency: seconds(message.latencyMs)
        })}
      </Text>
      {message.ttftMs !== null && (
        <Text size="xs" c="dimmed">
          {t('playground.usage.ttft', { ttft: seconds(message.ttftMs) })}
        </Text>
      )}
      {percent > 0 && (
        <Text size="xs" c="teal" data-testid="cache-saving">
          {t('playground.usage.saving', { percent })}
        </Text>
      )}
    </Group>
  )
}
