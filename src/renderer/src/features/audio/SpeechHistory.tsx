import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '@shared/format'
import { useSpeeches } from '../../api/audio-hooks'

const STATUS_COLOR = { running: 'indigo', complete: 'teal', failed: 'red' } as const

/** Speech made before, newest first: a click plays it again. */
export function SpeechHistory({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const { data: speeches = [] } = useSpeeches()
  const others = speeches.filter((s) => s.id !== current)
  if (others.length === 0) return null
  return (
    <Stack gap={4} data-testid="speech-history">
      <Text size="sm" fw={600}>
        {t('audio.history')}
      </Text>
      {others.map((speech) => (
        <UnstyledButton
          key={speech.id}
          className="fw-seek-row"
          onClick={() => onOpen(speech.id)}
          data-testid="speech-history-item"
        >
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" truncate="end" style={{ flex: 1 }}>
              {speech.text.slice(0, 120)}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {speech.voice} · {formatDuration(speech.durationS)}
            </Text>
            <Badge size="xs" variant="light" color={STATUS_COLOR[speech.status]} style={{ flexShrink: 0 }}>
              {t(`audio.speechStatus.${speech.status}`)}
            </Badge>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  )
}
