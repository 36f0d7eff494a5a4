import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { IconPlayerStop } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TranscriptView } from '@shared/domain/audio'
import type { Job } from '@shared/domain/job'
import { useJobActions } from '../../api/job-hooks'
import { jobStageLabel, jobWaitNote } from '../jobs/job-labels'
import { OfflineNotice } from '../video/OfflineNotice'

/** How far the transcription is: its stage, the pieces in so far, waiting states, and a way to stop it. */
export function TranscribeProgress({ job, transcript }: { job: Job; transcript: TranscriptView | null }) {
  const { t } = useTranslation()
  const { cancel } = useJobActions()
  const pieces =
    transcript && transcript.status === 'partial' && transcript.piecesTotal > 0
      ? t('audio.pieces', { done: transcript.piecesDone, count: transcript.piecesTotal })
      : null
  const waitingForRate = job.stage === 'waiting-for-rate-limit'
  const note = jobWaitNote(t, job)
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      data-testid="transcribe-progress"
      data-stage={job.stage ?? ''}
      data-state={job.state}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {jobStageLabel(t, job.stage) ?? t('jobs.states.queued')}
          </Text>
          {pieces && (
            <Text size="sm" c="dimmed" data-testid="transcribe-pieces">
              {pieces}
            </Text>
          )}
        </Group>
        <Progress
          value={Math.round(job.progress * 100)}
          animated={job.state === 'running'}
          color={job.state === 'waiting' || waitingForRate ? 'yellow' : 'indigo'}
        />
        {job.state === 'waiting' && <OfflineNotice jobId={job.id} />}
        <Group justify="space-between">
          <Text size="sm" c={note ? 'var(--fw-color-warning)' : 'dimmed'}>
            {note ?? t('video.progress.percent', { percent: Math.round(job.progress * 100) })}
          </Text>
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={14} />}
            onClick={() => cancel.mutate(job.id)}
            data-testid="transcribe-cancel"
          >
            {t('jobs.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
