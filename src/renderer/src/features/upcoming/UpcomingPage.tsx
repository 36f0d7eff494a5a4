import { List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCircleDashed } from '@tabler/icons-react'
import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import type { UpcomingKey } from '../../shell/routes'

/** Pages that later work fills: they say what they will do and what they need, never fake data. */
export function UpcomingPage({
  page,
  icon: Icon
}: {
  page: UpcomingKey
  icon: ComponentType<{ size?: number; stroke?: number }>
}) {
  const { t } = useTranslation()
  const needs = t(`upcoming.${page}.needs`, { returnObjects: true }) as string[]
  return (
    <Stack gap="lg" maw={760} data-testid={`page-${page}`}>
      <Title order={2}>{t(`upcoming.${page}.title`)}</Title>
      <Paper withBorder p="xl" radius="lg">
        <Stack gap="lg">
          <Stack gap={6}>
            <ThemeIcon size={48} radius="xl" variant="light">
              <Icon size={26} stroke={1.5} />
            </ThemeIcon>
            <Text fw={600}>{t('upcoming.does')}</Text>
            <Text c="dimmed">{t(`upcoming.${page}.does`)}</Text>
          </Stack>
          <Stack gap={6}>
            <Text fw={600}>{t('upcoming.needs')}</Text>
            <List spacing={6} icon={<IconCircleDashed size={16} stroke={1.5} />}>
              {needs.map((need) => (
                <List.Item key={need}>
                  <Text size="sm">{need}</Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  )
}
