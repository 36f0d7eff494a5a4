import { Box, Button, Divider, Indicator, Loader, Popover, Stack, Text } from '@mantine/core'
import { IconListCheck, IconPlugConnectedX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useJobs } from '../../api/hooks'
import { useJobActions } from '../../api/job-hooks'
import { isActive } from './job-labels'
import { JobRow } from './JobRow'

/** Header button with the running count; the dropdown lists jobs with stage, progress and cancel. */
export function JobTray() {
  const { t } = useTranslation()
  const { clearFinished } = useJobActions()
  const { data: jobs = [] } = useJobs()
  const active = jobs.filter(isActive)
  // A job waiting for a provider is not running: the button says so instead of spinning.
  const working = active.filter((job) => job.state !== 'waiting').length
  const waiting = active.length - working
  const label =
    working > 0
      ? t('jobs.activeCount', { count: working })
      : waiting > 0
        ? t('jobs.waitingCount', { count: waiting })
        : t('jobs.title')
  const visible = [...active, ...jobs.filter((job) => !isActive(job))].slice(0, 60)
  const clear = (): void => clearFinished.mutate()
  return (
    <Popover width={380} position="bottom-end" shadow="lg" withArrow>
      <Popover.Target>
        <Indicator
          label={active.length}
          size={16}
          disabled={active.length === 0}
          color={working === 0 ? 'yellow' : undefined}
          offset={4}
        >
          <Button
            variant="default"
            leftSection={
              working > 0 ? (
                <Loader size={14} />
              ) : waiting > 0 ? (
                <IconPlugConnectedX size={16} />
              ) : (
                <IconListCheck size={16} />
              )
            }
            data-testid="job-tray-button"
            data-active-jobs={active.length}
            data-waiting-jobs={waiting}
          >
            {label}
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="sm" data-testid="job-tray">
        {visible.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('jobs.empty')}
          </Text>
        ) : (
          // A plain scroller: Mantine's ScrollArea sizes its content as a table, so long titles would
          // push the badges and buttons out of the tray instead of truncating.
          <Box
            mah={420}
            pr={4}
            style={{ overflowY: 'auto', overflowX: 'hidden' }}
            data-testid="job-tray-list"
          >
            <Stack gap="sm">
              {visible.map((job) => (
                <JobRow key={job.id} job={job} />
              ))}
            </Stack>
          </Box>
        )}
        {jobs.length > active.length && (
          <>
            <Divider my="sm" />
            <Button size="xs" variant="subtle" onClick={clear}>
              {t('jobs.clearFinished')}
            </Button>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  )
}
