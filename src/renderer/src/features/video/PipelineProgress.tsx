import { Button, Group, Paper, Progress, Stack, Stepper, Text } from '@mantine/core'
import { IconPlayerStop } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Job } from '@shared/domain/job'
import { useJobActions } from '../../api/job-hooks'
import { jobWaitNote } from '../jobs/job-labels'
import { OfflineNotice } from './OfflineNotice'

const STAGES = ['probing', 'selecting-keyframes', 'transcribing', 'summarising'] as const

/** Where the summary job is: the four stages, overall progress, waiting states, and a way to stop it. */
export function PipelineProgress({
  job,
  hasAudio,
  hasVideo,
  providerId
}: {
  job: Job
  hasAudio: boolean
  hasVideo: boolean
  providerId?: string | null
}) {
  const { t } = useTranslation()
  const { cancel } = useJobActions()
  const stages = STAGES.filter(
    (s) => (s !== 'transcribing' || hasAudio) && (s !== 'selecting-keyframes' || hasVideo)
  )
  const waitingForRate = job.stage === 'waiting-for-rate-limit'
  const stageIndex = waitingForRate
    ? stages.indexOf('summarising')
    : Math.max(0, stages.indexOf(job.stage as (typeof STAGES)[number]))
  const note = jobWaitNote(t, job)
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      data-testid="pipeline-progress"
      data-stage={job.stage ?? ''}
      data-state={job.state}
    >
      <Stack gap="sm">
        <Stepper active={stageIndex} size="xs" iconSize={24} allowNextStepsSelect={false}>
          {stages.map((stage) => (
            <Stepper.Step
              key={stage}
              label={t(`jobs.stages.${stage}`)}
              loading={stage === stages[stageIndex] && job.state === 'running'}
            />
          ))}
        </Stepper>
        <Progress
          value={Math.round(job.progress * 100)}
          animated={job.state === 'running'}
          color={job.state === 'waiting' || waitingForRate ? 'yellow' : 'indigo'}
        />
        {job.state === 'waiting' && <OfflineNotice jobId={job.id} providerId={providerId} />}
        <Group justify="space-between">
          <Text size="sm" c={note ? 'var(--fw-color-warning)' : 'dimmed'} data-testid="pipeline-note">
            {note ?? t('video.progress.percent', { percent: Math.round(job.progress * 100) })}
          </Text>
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={14} />}
            onClick={() => cancel.mutate(job.id)}
            data-testid="pipeline-cancel"
          >
            {t('jobs.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
