import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconDownload, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { VoiceTurn } from '@shared/domain/voice'
import { formatUsd } from '@shared/format'
import { call } from '../../api/client'
import { useDeleteVoiceSession, useVoiceSession } from '../../api/voice-hooks'
import { notifyError } from '../../i18n/notify-error'
import { downloadText } from '../player/download'
import { TranscriptList } from './TranscriptList'
import type { Entry } from './transcript-model'

/** A stored conversation: its transcript with tool calls and latencies, Markdown export, delete. */
export function SessionDialog({ sessionId, onClose }: { sessionId: string | null; onClose(): void }) {
  const { t } = useTranslation()
  const session = useVoiceSession(sessionId)
  const remove = useDeleteVoiceSession()
  const view = session.data
  const exportMarkdown = (): void => {
    if (sessionId) call('voice.export', { sessionId }).then(downloadText, (e: unknown) => notifyError(t, e))
  }
  return (
    <Modal
      opened={sessionId !== null}
      onClose={onClose}
      size="lg"
      title={view?.title || t('voice.sessions.untitled')}
      data-testid="voice-session-dialog"
    >
      {view && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {view.model} · {view.voice} · {t('voice.sessions.turns', { count: view.turns })} ·{' '}
            {formatUsd(view.costUsd)}
          </Text>
          <TranscriptList entries={view.turnList.map(toEntry)} empty="" />
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => sessionId && remove.mutate(sessionId, { onSuccess: onClose })}
              data-testid="voice-session-delete"
            >
              {t('voice.sessions.delete')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={exportMarkdown}
              data-testid="voice-session-export"
            >
              {t('voice.sessions.export')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

function toEntry(turn: VoiceTurn): Entry {
  const key = `turn-${turn.seq}`
  if (turn.role === 'tool' && turn.tool) return { kind: 'tool', key, ...turn.tool }
  return {
    kind: turn.role === 'user' ? 'user' : 'assistant',
    key,
    text: turn.text,
    final: true,
    latencyMs: turn.latencyMs,
    interrupted: turn.interrupted
  }
}
