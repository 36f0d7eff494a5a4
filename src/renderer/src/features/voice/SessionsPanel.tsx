import { Badge, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoiceSessionSummary } from '@shared/domain/voice'
import { formatUsd } from '@shared/format'
import { useVoiceSessions } from '../../api/voice-hooks'
import { SessionDialog } from './SessionDialog'

/** Past conversations, newest first, searched by what was said (Chinese included); the one on now is marked. */
export function SessionsPanel({ liveId }: { liveId: string | null }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const sessions = useVoiceSessions(debounced)
  const [open, setOpen] = useState<string | null>(null)
  const items = sessions.data?.items ?? []
  return (
    <Paper withBorder radius="lg" p="md" data-testid="voice-sessions">
      <Stack gap="sm">
        <Title order={4}>{t('voice.sessions.title')}</Title>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('voice.sessions.search')}
          aria-label={t('voice.sessions.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="voice-sessions-search"
        />
        {items.length === 0 && sessions.isSuccess && (
          <Text size="sm" c="dimmed" data-testid="voice-sessions-empty">
            {debounced ? t('voice.sessions.noMatch') : t('voice.sessions.empty')}
          </Text>
        )}
        <Stack gap={4}>
          {items.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              live={session.id === liveId}
              onOpen={() => setOpen(session.id)}
            />
          ))}
        </Stack>
      </Stack>
      <SessionDialog sessionId={open} onClose={() => setOpen(null)} />
    </Paper>
  )
}

function SessionRow({
  session,
  live,
  onOpen
}: {
  session: VoiceSessionSummary
  live: boolean
  onOpen(): void
}) {
  const { t, i18n } = useTranslation()
  const when = new Date(session.startedAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short'
  })
  return (
    <UnstyledButton
      onClick={onOpen}
      className="fw-voice-session"
      data-testid="voice-session"
      data-session-id={session.id}
    >
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} lineClamp={1}>
          {session.title || t('voice.sessions.untitled')}
        </Text>
        {live && (
          <Badge size="xs" color="teal" variant="light">
            {t('voice.status.open')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {when} · {t('voice.sessions.turns', { count: session.turns })} · {formatUsd(session.costUsd)}
      </Text>
      {session.snippet && (
        <Text size="xs" lineClamp={2} data-testid="voice-session-snippet">
          {session.snippet}
        </Text>
      )}
    </UnstyledButton>
  )
}
