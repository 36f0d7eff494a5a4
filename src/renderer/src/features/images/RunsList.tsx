import { Button, Group, NavLink, Paper, ScrollArea, Stack, Text } from '@mantine/core'
import { IconPlus, IconStack2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { formatUsd } from '@shared/format'
import { useRuns } from '../../api/images-hooks'
import { runName, localTime } from './run-name'
import { RunStatusBadge } from './RunStatusBadge'

/** Recent runs, newest first; the open one highlighted. */
export function RunsList({ selected }: { selected: string | undefined }) {
  const { t, i18n } = useTranslation()
  const [, navigate] = useLocation()
  const { data: runs = [] } = useRuns()
  return (
    <Paper withBorder p="xs" data-testid="runs-list">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {t('images.runs')}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => navigate('/images')}
          data-testid="new-run"
        >
          {t('images.newRun')}
        </Button>
      </Group>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('images.noRuns')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {runs.map((run) => (
              <NavLink
                key={run.id}
                component={Link}
                href={`/images/${run.id}`}
                active={run.id === selected}
                data-testid="run-link"
                label={
                  <Group gap={6} wrap="nowrap">
                    {run.mode === 'batch' && <IconStack2 size={14} aria-label={t('images.batchMode')} />}
                    <Text size="sm" truncate>
                      {runName(t, run)}
                    </Text>
                  </Group>
                }
                description={`${t('images.rowsOf', { ok: run.counts.ok, total: run.counts.total })} · ${formatUsd(run.costUsd)} · ${localTime(run.createdAt, i18n.language)}`}
                rightSection={<RunStatusBadge status={run.status} />}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  )
}
