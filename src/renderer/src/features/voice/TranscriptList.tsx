import { Badge, Box, Code, Group, Paper, Stack, Text } from '@mantine/core'
import { IconTool } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entry } from './transcript-model'

/** Both sides of the conversation as it happens; tool calls inline; follows the newest words. */
export function TranscriptList({ entries, empty }: { entries: Entry[]; empty: string }) {
  const bottom = useRef<HTMLDivElement>(null)
  // Braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    void bottom.current?.scrollIntoView({ block: 'nearest' })
  }, [entries])
  return (
    <Box className="fw-voice-transcript" data-testid="voice-transcript">
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="xl">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {entries.map((entry) => (
            <EntryView key={entry.key} entry={entry} />
          ))}
        </Stack>
      )}
      <div ref={bottom} />
    </Box>
  )
}

function EntryView({ entry }: { entry: Entry }) {
  const { t } = useTranslation()
  if (entry.kind === 'notice')
    return (
      <Text size="xs" c="dimmed" ta="center" data-testid="voice-notice">
        {t(entry.textKey)}
      </Text>
    )
  if (entry.kind === 'tool')
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="voice-tool">
        <IconTool size={16} style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm">
            {t('voice.tool')} <Code>{`${entry.name}(${entry.arguments})`}</Code>{' '}
            {entry.output === null && (
              <Text span c="dimmed">
                {t('voice.toolRunning')}
              </Text>
            )}
            {entry.failed && (
              <Badge color="red" size="xs">
                {t('voice.toolFailed')}
              </Badge>
            )}
          </Text>
          {entry.output && (
            <Text size="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
              {entry.output}
            </Text>
          )}
        </Stack>
      </Group>
    )
  const mine = entry.kind === 'user'
  return (
    <Paper
      className={mine ? 'fw-voice-bubble fw-voice-bubble-user' : 'fw-voice-bubble'}
      p="xs"
      px="sm"
      radius="lg"
      withBorder={!mine}
      data-testid={`voice-${entry.kind}`}
      data-final={entry.final}
    >
      <Text size="xs" c="dimmed" fw={600}>
        {mine ? t('voice.you') : t('voice.assistant')}
        {entry.latencyMs !== null && ` · ${t('voice.firstAudio', { ms: Math.round(entry.latencyMs) })}`}
        {entry.interrupted && ` · ${t('voice.interrupted')}`}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`voice-${entry.kind}-text`}>
        {entry.text || '…'}
      </Text>
    </Paper>
  )
}
