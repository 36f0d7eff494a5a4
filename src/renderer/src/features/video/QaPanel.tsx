import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Tooltip
} from '@mantine/core'
import { IconSend, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatUsd } from '@shared/format'
import { errorInfo } from '../../api/client'
import { useAsk, useClearConversation, useConversation } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
import { CitedText } from './CitedText'

/** Questions about this video, answered from its summary, transcript and frames. */
export function QaPanel({ assetId, onSeek }: { assetId: string; onSeek: (t: number) => void }) {
  const { t } = useTranslation()
  const { data: turns = [] } = useConversation(assetId)
  const ask = useAsk(assetId)
  const clear = useClearConversation(assetId)
  const [question, setQuestion] = useState('')
  const send = (): void => {
    const text = question.trim()
    if (!text || ask.isPending) return
    ask.mutate(text, { onSuccess: () => setQuestion('') })
  }
  const error = ask.error ? errorText(t, errorInfo(ask.error)) : null
  return (
    <Stack gap="xs" style={{ minHeight: 0, flex: 1 }} data-testid="qa">
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="sm">
          {turns.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('video.askHint')}
            </Text>
          )}
          {turns.map((turn, i) => (
            <Paper
              key={i}
              p="sm"
              radius="md"
              withBorder={turn.role === 'assistant'}
              className={turn.role === 'user' ? 'fw-question' : undefined}
              data-testid={`qa-${turn.role}`}
            >
              {turn.role === 'assistant' ? (
                <CitedText text={turn.content} onSeek={onSeek} />
              ) : (
                <Text size="sm">{turn.content}</Text>
              )}
              {turn.role === 'assistant' && turn.costUsd > 0 && (
                <Text size="xs" c="dimmed" mt={4}>
                  {formatUsd(turn.costUsd)}
                </Text>
              )}
            </Paper>
          ))}
          {ask.isPending && (
            <Text size="sm" c="dimmed">
              {t('video.thinking')}
            </Text>
          )}
        </Stack>
      </ScrollArea>
      {error && (
        <Alert color="red" title={error.title} withCloseButton onClose={() => ask.reset()}>
          {error.detail}
        </Alert>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          autosize
          minRows={1}
          maxRows={5}
          placeholder={t('video.askPlaceholder')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              send()
            }
          }}
          data-testid="qa-input"
        />
        <Button
          onClick={send}
          loading={ask.isPending}
          leftSection={<IconSend size={16} />}
          data-testid="qa-send"
        >
          {t('video.ask')}
        </Button>
        <Tooltip label={t('video.clearConversation')}>
          <ActionIcon
            variant="default"
            size="lg"
            disabled={turns.length === 0}
            onClick={() => clear.mutate()}
            aria-label={t('video.clearConversation')}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Stack>
  )
}
