import { Badge, Code, Group, List, Paper, Stack, Text } from '@mantine/core'
import { IconFunction, IconWorldSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MessagePart } from '@shared/domain/playground'

type Call = Extract<MessagePart, { type: 'tool_call' }>
type Result = Extract<MessagePart, { type: 'tool_result' }>

const STATUS_COLOR: Record<Call['status'], string> = {
  pending: 'yellow',
  answered: 'teal',
  invalid: 'red',
  completed: 'gray',
  failed: 'red'
}

function pretty(text: string | undefined): string {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** A function call (its arguments, status and result) or a built-in tool's work (searches run). */
export function ToolCard({ call, result }: { call: Call; result?: Result }) {
  const { t } = useTranslation()
  const fn = call.kind === 'function'
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="tool-card"
      data-status={call.status}
      data-name={call.name ?? call.kind}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          {fn ? <IconFunction size={16} /> : <IconWorldSearch size={16} />}
          <Text size="sm" fw={600} ff={fn ? 'monospace' : undefined}>
            {fn
              ? call.name
              : t(`playground.tools.${call.kind.replace(/_call$/, '')}`, { defaultValue: call.kind })}
          </Text>
          <Badge size="xs" variant="light" color={STATUS_COLOR[call.status]}>
            {t(`playground.tools.status.${call.status}`)}
          </Badge>
        </Group>
        {fn && call.arguments && (
          <Code block data-testid="tool-arguments">
            {pretty(call.arguments)}
          </Code>
        )}
        {call.problem && (
          <Text size="xs" c="red" data-testid="tool-problem">
            {t('playground.tools.invalid')}: {call.problem}
          </Text>
        )}
        {(call.actions ?? []).length > 0 && (
          <List size="xs" spacing={2} data-testid="search-actions">
            {(call.actions ?? []).map((a, i) => (
              <List.Item key={i}>{a}</List.Item>
            ))}
          </List>
        )}
        {result && (
          <>
            <Text size="xs" fw={600} c="dimmed">
              {t('playground.tools.result')}
            </Text>
            <Code block data-testid="tool-result">
              {pretty(result.output)}
            </Code>
          </>
        )}
      </Stack>
    </Paper>
  )
}
