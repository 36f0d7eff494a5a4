import { ActionIcon, Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core'
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/domain/job'
import { useJobActions } from '../../api/job-hooks'
import { errorText } from '../../i18n/error-text'
import { isActive, jobKindLabel, jobStageLabel, STATE_COLOR } from './job-labels'

export function JobRow({ job }: { job: Job }) {
  const { t } = useTranslation()
  const active = isActive(job)
  const percent = Math.round(job.progress * 100)
  const stage = jobStageLabel(t, job.stage)
  const { cancel, retry } = useJobActions()
  return (
    <Stack gap={4} data-testid="job-row" data-job-kind={job.kind} data-job-state={job.state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} truncate="end" style={{ flex: 1 }} title={job.title}>
          {jobKindLabel(t, job.kind)} · {job.title}
        </Text>
        <Badge size="xs" variant="light" color={STATE_COLOR[job.state]}>
          {t(`jobs.states.${job.state}`)}
        </Badge>
        {active ? (
          <Tooltip label={t('jobs.cancel')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={t('jobs.cancel')}
              onClick={() => cancel.mutate(job.id)}
            >
              <IconPlayerStop size={14} />
            </ActionIcon>
          </Tooltip>
        ) : job.state === 'failed' || job.state === 'cancelled' ? (
          <Tooltip label={t('jobs.retry')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={t('jobs.retry')}
              onClick={() => retry.mutate(job.id)}
            >
              <IconRefresh size={14} />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      {active && (
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={percent}
            size="sm"
            style={{ flex: 1 }}
            animated={job.state === 'running'}
            aria-label={`${percent}%`}
          />
          <Text size="xs" c="dimmed" w={36} ta="right">
            {percent}%
          </Text>
        </Group>
      )}
      {active && stage && (
        <Text size="xs" c="dimmed">
          {stage}
        </Text>
      )}
      {job.error && job.state === 'failed' && (
        <Text size="xs" c="red" lineClamp={2} title={job.error.message}>
          {errorText(t, job.error).title} {job.error.message}
        </Text>
      )}
    </Stack>
  )
}
