import { Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A structured answer as a tree of its fields, beside the raw JSON text. */
export function ParsedAnswer({ value, raw }: { value: unknown; raw: string }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Paper withBorder p="xs" radius="sm">
        <Text size="xs" fw={600} c="dimmed" mb={4}>
          {t('playground.message.parsed')}
        </Text>
        <div data-testid="parsed-tree">
          <Node value={value} />
        </div>
      </Paper>
      <Paper withBorder p="xs" radius="sm">
        <Text size="xs" fw={600} c="dimmed" mb={4}>
          {t('playground.message.raw')}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {prettyJson(raw)}
        </Code>
      </Paper>
    </SimpleGrid>
  )
}

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2)
  } catch {
    return raw
  }
}

function Node({ value }: { value: unknown }) {
  if (Array.isArray(value))
    return (
      <Stack gap={2} pl="sm" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
        {value.map((item, i) => (
          <Field key={i} name={`[${i}]`} value={item} />
        ))}
      </Stack>
    )
  if (value && typeof value === 'object')
    return (
      <Stack gap={2} pl="sm" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
        {Object.entries(value).map(([k, v]) => (
          <Field key={k} name={k} value={v} />
        ))}
      </Stack>
    )
  return (
    <Text span size="sm" ff="monospace" c={typeof value === 'string' ? 'teal' : 'orange'}>
      {JSON.stringify(value)}
    </Text>
  )
}

function Field({ name, value }: { name: string; value: unknown }) {
  const nested = value !== null && typeof value === 'object'
  return (
    <div data-testid="tree-field" data-name={name}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text span size="sm" fw={600} ff="monospace">
          {name}
        </Text>
        {!nested && <Node value={value} />}
      </Group>
      {nested && <Node value={value} />}
    </div>
  )
}
