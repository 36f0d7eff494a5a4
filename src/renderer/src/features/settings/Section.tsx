import { Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function Section({
  title,
  hint,
  children,
  testId
}: {
  title: string
  hint?: string
  children: ReactNode
  testId?: string
}) {
  return (
    <Paper withBorder p="lg" radius="lg" data-testid={testId}>
      <Stack gap="md">
        <div>
          <Title order={4}>{title}</Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  )
}
