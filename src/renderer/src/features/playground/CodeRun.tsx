import { Code, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Markdown } from './Markdown'

/** What the code interpreter ran, highlighted, and what it printed. */
export function CodeRun({ code, logs }: { code: string; logs: string }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="code-run">
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed">
          {t('playground.tools.code')}
        </Text>
        <Markdown text={`\`\`\`python\n${code.replace(/\r\n/g, '\n').trimEnd()}\n\`\`\``} />
        {logs && (
          <>
            <Text size="xs" fw={600} c="dimmed">
              {t('playground.tools.logs')}
            </Text>
            <Code block data-testid="code-logs">
              {logs}
            </Code>
          </>
        )}
      </Stack>
    </Paper>
  )
}
