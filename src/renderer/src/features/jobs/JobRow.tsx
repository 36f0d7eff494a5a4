import {
  ActionIcon,
  Anchor,
  Badge,
  Code,
  Collapse,
  Group,
  Progress,
  Stack,
  Text,
  Tooltip
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/domain/job'
import { useJobActions } from '../../api/job-hooks'
import { errorText } from '../../i18n/error-text'
import { isActive, jobKindLabel, jobStageLabel, STATE_COLOR } from './job-labels'

export function JobRow({ job }: { job: Job }) {
  const { t } = useTranslation()
  const active = isActive(job)
  return (
    <Stack gap={4} data-testid="job-row" data-job-kind={job.kind} data-job-state={job.state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} truncate="end" miw={0} style={{ flex: 1 }} title={job.title}>
          {jobKindLabel(t, job.kind)} · {job.title}
        </Text>
        <Badge size="xs" variant="light" color={STATE_COLOR[job.state]} style={{ flexShrink: 0 }}>
          {t(`jobs.states.${job.state}`)}
        </Badge>
        <JobAction job={job} />
      </Group>
      {active && <JobProgress job={job} />}
      {job.error && job.state === 'failed' && <JobFailure error={job.error} />}
    </Stack>
  )
}

function JobAction({ job }: { job: Job }) {
  const { t } = useTranslation()
  const { cancel, retry } = useJobActions()
  if (isActive(job))
    return (
      <Tooltip label={t('jobs.cancel')}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="red"
          aria-label={t('jobs.cancel')}
          style={{ flexShrink: 0 }}
          onClick={() => cancel.mutate(job.id)}
        >
          <IconPlayerStop size={14} />
        </ActionIcon>
      </Tooltip>
    )
  if (job.state !== 'failed' && job.state !== 'cancelled') return null
  return (
    <Tooltip label={t('jobs.retry')}>
      <ActionIcon
        size="sm"
        variant="subtle"
        aria-label={t('jobs.retry')}
        style={{ flexShrink: 0 }}
        onClick={() => retry.mutate(job.id)}
      >
        <IconRefresh size={14} />
      </ActionIcon>
    </Tooltip>
  )
}

function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation()
  const percent = Math.round(job.progress * 100)
  const stage = jobStageLabel(t, job.stage)
  return (
    <>
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
      {stage && (
        <Text size="xs" c="dimmed">
          {stage}
        </Text>
      )}
    </>
  )
}

/** One plain sentence for the failure; what the tool said stays one click away. */
function JobFailure({ error }: { error: NonNullable<Job['error']> }) {
  const { t } = useTranslation()
  const [open, { toggle }] = useDisclosure(false)
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text size="xs" c="var(--mantine-color-error)" data-testid="job-error" style={{ flex: 1 }} miw={0}>
          {errorText(t, error).title}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={toggle} aria-expanded={open}>
          {open ? t('jobs.hideDetails') : t('jobs.details')}
        </Anchor>
      </Group>
      <Collapse expanded={open}>
        <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {error.code}: {error.message}
        </Code>
      </Collapse>
    </Stack>
  )
}
