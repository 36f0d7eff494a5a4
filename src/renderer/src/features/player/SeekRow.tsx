import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import { timecode } from '@shared/timecode'

interface SeekRowProps {
  t: number
  active?: boolean
  onSeek: (t: number) => void
  testId: string
  /** Extra data attributes for tests and styling (e.g. the row's index). */
  data?: Record<`data-${string}`, string | number>
  children: ReactNode
}

/** A row that starts with its time and seeks the player there when clicked. */
export function SeekRow({ t, active, onSeek, testId, data, children }: SeekRowProps) {
  return (
    <UnstyledButton
      className="fw-seek-row"
      data-active={active || undefined}
      onClick={() => onSeek(t)}
      data-testid={testId}
      {...data}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" ff="monospace" c="indigo" className="fw-time">
          {timecode(t)}
        </Text>
        {children}
      </Group>
    </UnstyledButton>
  )
}

/** A titled card of seek rows (chapters, key moments). */
export function SeekList({
  title,
  testId,
  children
}: {
  title: string
  testId?: string
  children: ReactNode
}) {
  return (
    <Paper withBorder radius="lg" p="xs">
      <Text fw={600} px="xs" pt={4} pb={6}>
        {title}
      </Text>
      <Stack gap={2} data-testid={testId}>
        {children}
      </Stack>
    </Paper>
  )
}
