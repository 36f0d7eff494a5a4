import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { ACTIVE_JOB_STATES } from '@shared/domain/job'
import { PLAYABLE_JOB } from '@shared/domain/video'
import { useJobActions } from '../../api/job-hooks'
import { useJobs } from '../../api/hooks'
import { useMakePlayable } from '../../api/video-hooks'

/** Shown when this window cannot decode a video: makes a copy it can, with progress and cancel. */
export function PlayableNotice({ asset }: { asset: Asset }) {
  const { t } = useTranslation()
  const { cancel } = useJobActions()
  const make = useMakePlayable(asset.id)
  const { data: jobs } = useJobs()
  const job = (jobs ?? []).find(
    (j) => j.kind === PLAYABLE_JOB && j.assetId === asset.id && ACTIVE_JOB_STATES.includes(j.state)
  )
  const codec = String(asset.metadata.videoCodec ?? '')
  return (
    <Alert color="yellow" data-testid="player-unplayable">
      <Stack gap="xs">
        <Text size="sm">{t('video.makePlayableHint', { codec })}</Text>
        {job ? (
          <Group gap="sm" wrap="nowrap" data-testid="playable-progress">
            <Progress value={Math.round(job.progress * 100)} animated style={{ flex: 1 }} />
            <Text size="xs" c="dimmed">
              {t('video.makingPlayable', { percent: Math.round(job.progress * 100) })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => cancel.mutate(job.id)}>
              {t('jobs.cancel')}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button
              size="xs"
              loading={make.isPending}
              onClick={() => make.mutate()}
              data-testid="make-playable"
            >
              {t('video.makePlayable')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}
