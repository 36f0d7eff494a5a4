import { ActionIcon, Alert, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconCode, IconEdit, IconRefresh } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message } from '@shared/domain/playground'
import { errorText } from '../../i18n/error-text'
import { AnswerParts } from './AnswerParts'
import { UsageLine } from './UsageLine'

export interface MessageActions {
  onRegenerate?: () => void
  onEdit?: () => void
  onCode?: () => void
  onDropOldest?: () => void
  onCondense?: () => void
}

/** One message: who said it, its parts, its status and usage, and what can be done with it. */
export function MessageView({ message, actions }: { message: Message; actions: MessageActions }) {
  const { t } = useTranslation()
  const who = message.role === 'user' ? 'you' : message.role === 'tool' ? 'tool' : 'assistant'
  return (
    <Paper
      p="sm"
      radius="md"
      withBorder={message.role !== 'user'}
      bg={message.role === 'user' ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid={`message-${message.role}`}
      data-status={message.status}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t(`playground.message.${who}`)}
          </Text>
          <Group gap={2}>
            {actions.onEdit && (
              <Act
                label={t('playground.message.edit')}
                onClick={actions.onEdit}
                icon={<IconEdit size={14} />}
                id="edit"
              />
            )}
            {actions.onRegenerate && (
              <Act
                label={t('playground.message.regenerate')}
                onClick={actions.onRegenerate}
                icon={<IconRefresh size={14} />}
                id="regenerate"
              />
            )}
            {actions.onCode && (
              <Act
                label={t('playground.message.code')}
                onClick={actions.onCode}
                icon={<IconCode size={14} />}
                id="code"
              />
            )}
          </Group>
        </Group>
        <AnswerParts message={message} />
        <StatusNote message={message} actions={actions} />
        {message.role === 'assistant' && message.status !== 'error' && <UsageLine message={message} />}
      </Stack>
    </Paper>
  )
}

function Act({
  label,
  onClick,
  icon,
  id
}: {
  label: string
  onClick: () => void
  icon: ReactNode
  id: string
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={label}
        onClick={onClick}
        data-testid={`message-${id}`}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}

function StatusNote({ message, actions }: { message: Message; actions: MessageActions }) {
  const { onDropOldest, onCondense, onRegenerate: onRetry } = actions
  const { t } = useTranslation()
  if (message.status === 'complete' || message.role !== 'assistant') return null
  if (message.status === 'pending')
    return (
      <Text size="xs" c="yellow.8" data-testid="status-note">
        {t('playground.message.pending')}
      </Text>
    )
  const error = message.error ? errorText(t, message.error) : null
  const tooLong = message.error?.code === 'AI_CONTEXT_TOO_LONG'
  const title =
    message.status === 'stopped'
      ? t('playground.message.stopped')
      : message.status === 'partial'
        ? t('playground.message.partial')
        : (error?.title ?? t('playground.message.error'))
  return (
    <Alert
      color={message.status === 'stopped' ? 'gray' : 'orange'}
      p="xs"
      title={title}
      data-testid="status-note"
    >
      <Stack gap={4}>
        {error && <Text size="xs">{error.detail}</Text>}
        <Group gap="sm">
          {onRetry && (
            <Text size="xs" c="blue" style={{ cursor: 'pointer' }} onClick={onRetry} data-testid="retry">
              {t('playground.message.retry')}
            </Text>
          )}
          {tooLong && onDropOldest && (
            <Text size="xs" c="blue" style={{ cursor: 'pointer' }} onClick={onDropOldest}>
              {t('playground.message.dropOldest')}
            </Text>
          )}
          {tooLong && onCondense && (
            <Text
              size="xs"
              c="blue"
              style={{ cursor: 'pointer' }}
              onClick={onCondense}
              data-testid="condense"
            >
              {t('playground.message.condense')}
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  )
}
