import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Asset } from '@shared/domain/asset'
import { TRANSCRIBE_JOB, type TranscriptView } from '@shared/domain/audio'
import type { Job } from '@shared/domain/job'
import { formatDuration } from '@shared/format'
import { useTranscript } from '../../api/audio-hooks'
import { useJobs } from '../../api/hooks'
import { useJobActions } from '../../api/job-hooks'
import { errorText } from '../../i18n/error-text'
import { isActive } from '../jobs/job-labels'
import { usePlayer } from '../player/usePlayer'
import { Player } from '../video/Player'
import { ReadAloudButton } from './ReadAloudButton'
import { SpeechSource } from './SpeechSource'
import { TranscribeForm } from './TranscribeForm'
import { TranscribeProgress } from './TranscribeProgress'
import { TranscriptExport } from './TranscriptExport'
import { TranscriptFacts } from './TranscriptFacts'
import { TranscriptSide } from './TranscriptSide'

/** One recording: the player, how to transcribe it (or how far it got), and its transcript beside. */
export function TranscribeWorkspace({ asset, find }: { asset: Asset; find?: string }) {
  const { t } = useTranslation()
  const player = usePlayer()
  const { data: transcript } = useTranscript(asset.id)
  const { data: jobs } = useJobs()
  const job = latestJob(jobs, asset.id)
  const running = job && isActive(job) ? job : null
  const [again, rerun] = useDisclosure(false)
  const complete = transcript?.status === 'complete' ? transcript : null
  return (
    <Stack
      gap="md"
      style={{ flex: 1, minHeight: 0 }}
      className="fw-video-page"
      data-testid="page-audio-asset"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Tooltip label={t('audio.allRecordings')}>
            <ActionIcon component={Link} href="/audio" variant="subtle" aria-label={t('audio.allRecordings')}>
              <IconArrowLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Title order={3} lineClamp={1} title={asset.name} data-testid="audio-name">
            {asset.name}
          </Title>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {formatDuration(asset.durationS)}
          </Badge>
        </Group>
        {complete && (
          <Group gap="xs" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={rerun.open}
              disabled={running !== null}
              data-testid="transcribe-again"
            >
              {t('audio.transcribeAgain')}
            </Button>
            <ReadAloudButton text={spokenText(complete)} title={asset.name} />
            <TranscriptExport transcript={complete} />
          </Group>
        )}
      </Group>
      <div className="fw-video-layout">
        <ScrollArea className="fw-video-main" type="auto" offsetScrollbars>
          <Stack gap="md">
            <Player asset={asset} mediaRef={player.mediaRef} onTimeUpdate={player.onTimeUpdate} />
            {running && <TranscribeProgress job={running} transcript={transcript ?? null} />}
            {!running && <JobFailure job={job} />}
            {!running && !complete && (
              <Paper withBorder radius="lg" p="lg">
                <Text fw={600} mb="sm">
                  {t('audio.startTitle')}
                </Text>
                <TranscribeForm asset={asset} force={false} />
              </Paper>
            )}
            {complete?.silent && (
              <Alert color="gray" data-testid="transcript-silent">
                {t('audio.silent')}
              </Alert>
            )}
            {complete && <TranscriptFacts transcript={complete} />}
            <SpeechSource asset={asset} />
          </Stack>
        </ScrollArea>
        <Paper withBorder radius="lg" p="sm" className="fw-video-side">
          <TranscriptSide asset={asset} transcript={transcript ?? null} player={player} find={find} />
        </Paper>
      </div>
      <Modal opened={again} onClose={rerun.close} title={t('audio.transcribeAgainTitle')} size="lg" centered>
        <TranscribeForm asset={asset} force onStarted={rerun.close} />
      </Modal>
    </Stack>
  )
}

/** The transcript as the user edited it, for reading aloud. */
function spokenText(transcript: TranscriptView): string {
  return transcript.segments.map((s, i) => transcript.edits[String(i)] ?? s.text).join('\n')
}

function JobFailure({ job }: { job: Job | null }) {
  const { t } = useTranslation()
  const { retry } = useJobActions()
  if (!job || (job.state !== 'failed' && job.state !== 'cancelled')) return null
  const text = job.error
    ? errorText(t, job.error)
    : { title: t('audio.cancelled'), detail: t('audio.keptPieces') }
  return (
    <Alert color={job.error ? 'red' : 'gray'} title={text.title} data-testid="transcribe-failure">
      <Text size="sm">{text.detail}</Text>
      {job.error && (
        <Text size="sm" mt={4}>
          {t('audio.keptPieces')}
        </Text>
      )}
      <Button
        size="xs"
        variant="light"
        mt="xs"
        leftSection={<IconRefresh size={14} />}
        loading={retry.isPending}
        onClick={() => retry.mutate(job.id)}
        data-testid="transcribe-retry"
      >
        {t('audio.resume')}
      </Button>
    </Alert>
  )
}

function latestJob(jobs: Job[] | undefined, assetId: string): Job | null {
  const mine = (jobs ?? []).filter((j) => j.kind === TRANSCRIBE_JOB && j.assetId === assetId)
  return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
}
