import { Group, Image, Loader, Paper, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Markdown } from './Markdown'
import type { StreamView } from './useTurnStream'

/** What the core says a turn is doing ("round 2", "web_search_call.searching") in the user's words. */
function activityText(t: TFunction, activity: string): string {
  const round = /^round (\d+)$/.exec(activity)
  if (round) return t('playground.activity.round', { n: Number(round[1]) })
  const tool = activity.split('.')[0] ?? ''
  return t(`playground.activity.${tool}`, { defaultValue: activity })
}

/** The answer while it streams: text as it arrives, rate-limit waits, tool activity, partial images. */
export function LiveAnswer({ stream }: { stream: StreamView }) {
  const { t } = useTranslation()
  const waiting =
    stream.waitSeconds !== null
      ? stream.waitReason === 'rate-limit'
        ? t('playground.message.waiting', { seconds: stream.waitSeconds })
        : t('playground.message.waitingOther', {
            seconds: stream.waitSeconds,
            reason: t(`playground.message.reasons.${stream.waitReason}`, { defaultValue: stream.waitReason })
          })
      : null
  return (
    <Paper p="sm" radius="md" withBorder data-testid="live-answer">
      <Stack gap={6}>
        <Group gap={6}>
          <Loader size="xs" />
          <Text size="xs" c="dimmed" data-testid="live-status">
            {waiting ??
              (stream.activity ? activityText(t, stream.activity) : t('playground.message.assistant'))}
          </Text>
        </Group>
        {stream.partialImage && <Image src={stream.partialImage} maw={240} radius="sm" alt="" />}
        {stream.text && <Markdown text={stream.text} testId="live-text" />}
      </Stack>
    </Paper>
  )
}
