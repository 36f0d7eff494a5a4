import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react'
import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { UPCOMING_NEEDS, type UpcomingKey } from '../../shell/routes'
import { useNeeds } from './useNeeds'

/** Pages that later work fills: they say what they will do and what they need, never fake data. */
export function UpcomingPage({
  page,
  icon: Icon
}: {
  page: UpcomingKey
  icon: ComponentType<{ size?: number; stroke?: number }>
}) {
  const { t } = useTranslation()
  const state = useNeeds()
  return (
    <Stack gap="lg" maw={760} data-testid={`page-${page}`}>
      <Group gap="sm">
        <Title order={2}>{t(`upcoming.${page}.title`)}</Title>
        <Badge variant="light" color="gray">
          {t('upcoming.notYet')}
        </Badge>
      </Group>
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
            <List spacing={6}>
              {UPCOMING_NEEDS[page].map((need) => (
                <List.Item
                  key={need}
                  data-testid={`need-${need}`}
                  data-met={state[need] ? 'true' : 'false'}
                  icon={
                    state[need] ? (
                      <IconCircleCheck
                        size={16}
                        stroke={1.6}
                        color="var(--mantine-color-teal-7)"
                        aria-label={t('upcoming.met')}
                      />
                    ) : (
                      <IconCircleDashed size={16} stroke={1.5} aria-label={t('upcoming.notMet')} />
                    )
                  }
                >
                  <Text size="sm">{t(`upcoming.needItems.${need}`)}</Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  )
}
