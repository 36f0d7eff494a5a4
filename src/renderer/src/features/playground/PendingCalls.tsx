import { Button, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Message, MessagePart } from '@shared/domain/playground'

type Call = Extract<MessagePart, { type: 'tool_call' }>

/** The calls an answer left for the user: type or paste each result, then send them together. */
export function PendingCalls({
  message,
  busy,
  onSend
}: {
  message: Message
  busy: boolean
  onSend: (outputs: { callId: string; output: string }[]) => void
}) {
  const { t } = useTranslation()
  const answered = new Set(message.parts.flatMap((p) => (p.type === 'tool_result' ? [p.callId] : [])))
  const waiting = message.parts.filter(
    (p): p is Call => p.type === 'tool_call' && p.kind === 'function' && !answered.has(p.callId)
  )
  const [outputs, setOutputs] = useState<Record<string, string>>({})
  if (waiting.length === 0) return null
  const ready = waiting.every((c) => (outputs[c.callId] ?? '').trim() !== '')
  return (
    <Paper withBorder p="sm" radius="md" data-testid="pending-calls">
      <Stack gap="xs">
        {waiting.map((call) => (
          <Textarea
            key={call.callId}
            size="xs"
            label={`${t('playground.tools.result')}: ${call.name ?? ''}`}
            placeholder={t('playground.tools.resultPlaceholder')}
            autosize
            minRows={2}
            value={outputs[call.callId] ?? ''}
            onChange={(e) => setOutputs({ ...outputs, [call.callId]: e.currentTarget.value })}
            data-testid="call-output"
          />
        ))}
        <Text size="xs" c="dimmed">
          {t('playground.message.pending')}
        </Text>
        <Button
          size="xs"
          disabled={!ready || busy}
          onClick={() => onSend(waiting.map((c) => ({ callId: c.callId, output: outputs[c.callId] ?? '' })))}
          data-testid="send-results"
        >
          {t('playground.tools.sendResults')}
        </Button>
      </Stack>
    </Paper>
  )
}
