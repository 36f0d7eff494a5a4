import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArrowLeft, IconMessageQuestion, IconRefresh, IconTextCaption } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Asset } from '@shared/domain/asset'
import type { Job } from '@shared/domain/job'
import { SUMMARY_JOB, type VideoAnalysis } from '@shared/domain/video'
import { formatDuration } from '@shared/format'
import { useJobs } from '../../api/hooks'
import { useAnalysis, useEstimate } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
import { isActive } from '../jobs/job-labels'
import { CostLine } from './CostLine'
import { Filmstrip } from './Filmstrip'
import { PipelineProgress } from './PipelineProgress'
import { Player } from './Player'
import { QaPanel } from './QaPanel'
import { RunForm } from './RunForm'
import { SummaryPanel } from './SummaryPanel'
import { TranscriptPanel } from '../player/TranscriptPanel'
import { usePlayer } from '../player/usePlayer'
import { VideoExportMenu } from './VideoExportMenu'

/** One video: player, filmstrip, summary, transcript and questions, all seeking the same player. */
export function VideoWorkspace({ asset }: { asset: Asset }) {
  const { t } = useTranslation()
  const player = usePlayer()
  const { data: analysis } = useAnalysis(asset.id)
  const { data: jobs } = useJobs()
  const job = latestSummaryJob(jobs, asset.id)
  const running = job && isActive(job) ? job : null
  const [rerunning, rerun] = useDisclosure(false)
  const hasAudio = asset.kind === 'audio' || asset.metadata.hasAudio === true
  const complete = analysis?.status === 'complete' ? analysis : null
  const estimate = useEstimate(asset.id, analysis?.options ?? {}, complete !== null)
  return (
    <Stack
      gap="md"
      style={{ flex: 1, minHeight: 0 }}
      className="fw-video-page"
      data-testid="page-video-asset"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Tooltip label={t('video.allVideos')}>
            <ActionIcon component={Link} href="/video" variant="subtle" aria-label={t('video.allVideos')}>
              <IconArrowLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Title order={3} lineClamp={1} title={asset.name} data-testid="video-name">
            {asset.name}
          </Title>
          <Badge variant="light" style={{ flexShrink: 0 }} data-testid="video-duration">
            {formatDuration(asset.durationS)}
          </Badge>
        </Group>
        {complete && (
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={rerun.open}
              disabled={running !== null}
              data-testid="summarize-rerun"
            >
              {t('video.runAgain')}
            </Button>
            <VideoExportMenu
              assetId={asset.id}
              hasTranscript={(complete.transcript?.segments.length ?? 0) > 0}
            />
          </Group>
        )}
      </Group>
      <div className="fw-video-layout">
        <ScrollArea className="fw-video-main" type="auto" offsetScrollbars>
          <Stack gap="md">
            <Player asset={asset} mediaRef={player.mediaRef} onTimeUpdate={player.onTimeUpdate} />
            {analysis?.frames && (
              <Filmstrip frames={analysis.frames} currentTime={player.currentTime} onSeek={player.seek} />
            )}
            {running && (
              <PipelineProgress
                job={running}
                hasAudio={hasAudio}
                hasVideo={asset.kind === 'video'}
                providerId={analysis?.options.providerId}
              />
            )}
            {!running && <Failure job={job} analysis={analysis ?? null} />}
            {!running && !complete && (
              <Paper withBorder radius="lg" p="lg">
                <Text fw={600} mb="sm">
                  {t(asset.kind === 'audio' ? 'video.startTitleAudio' : 'video.startTitle')}
                </Text>
                <RunForm asset={asset} initial={analysis?.options ?? {}} force={false} />
              </Paper>
            )}
            {complete?.summary && (
              <SummaryPanel
                summary={complete.summary}
                currentTime={player.currentTime}
                onSeek={player.seek}
              />
            )}
            {complete && <CostLine analysis={complete} estimate={estimate.data} />}
          </Stack>
        </ScrollArea>
        <Paper withBorder radius="lg" p="sm" className="fw-video-side">
          <SidePanels
            asset={asset}
            analysis={complete}
            currentTime={player.currentTime}
            onSeek={player.seek}
          />
        </Paper>
      </div>
      <Modal opened={rerunning} onClose={rerun.close} title={t('video.runAgainTitle')} size="lg" centered>
        <RunForm asset={asset} initial={analysis?.options ?? {}} force onStarted={rerun.close} />
      </Modal>
    </Stack>
  )
}

function SidePanels({
  asset,
  analysis,
  currentTime,
  onSeek
}: {
  asset: Asset
  analysis: VideoAnalysis | null
  currentTime: number
  onSeek: (t: number) => void
}) {
  const { t } = useTranslation()
  const transcript = analysis?.transcript ?? null
  return (
    <Tabs
      defaultValue="transcript"
      keepMounted={false}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <Tabs.List>
        <Tabs.Tab value="transcript" leftSection={<IconTextCaption size={16} />}>
          {t('video.transcript')}
        </Tabs.Tab>
        <Tabs.Tab value="ask" leftSection={<IconMessageQuestion size={16} />} data-testid="tab-ask">
          {t('video.questions')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="transcript" pt="sm" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        {transcript ? (
          <TranscriptPanel transcript={transcript} currentTime={currentTime} onSeek={onSeek} />
        ) : (
          <Text size="sm" c="dimmed">
            {analysis ? t('video.noAudio') : t('video.transcriptPending')}
          </Text>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="ask" pt="sm" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        {analysis ? (
          <QaPanel assetId={asset.id} onSeek={onSeek} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('video.askAfterSummary')}
          </Text>
        )}
      </Tabs.Panel>
    </Tabs>
  )
}

/** Why the last run did not finish, with the model's raw text when it could not be read. */
function Failure({ job, analysis }: { job: Job | null; analysis: VideoAnalysis | null }) {
  const { t } = useTranslation()
  const [showRaw, raw] = useDisclosure(false)
  if (analysis?.status === 'complete') return null
  const error = analysis?.status === 'failed' ? analysis.error : job?.state === 'failed' ? job.error : null
  if (!error && job?.state !== 'cancelled') return null
  const text = error ? errorText(t, error) : { title: t('video.cancelled'), detail: '' }
  return (
    <Alert color={error ? 'red' : 'gray'} title={text.title} data-testid="summary-failure">
      <Stack gap="xs">
        {text.detail && <Text size="sm">{text.detail}</Text>}
        {analysis?.rawText && (
          <>
            <Button size="compact-xs" variant="subtle" onClick={raw.toggle} w="fit-content">
              {showRaw ? t('video.hideRaw') : t('video.showRaw')}
            </Button>
            <Collapse expanded={showRaw}>
              <Code block mah={240} style={{ overflow: 'auto' }} data-testid="summary-raw">
                {analysis.rawText}
              </Code>
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  )
}

function latestSummaryJob(jobs: Job[] | undefined, assetId: string): Job | null {
  const mine = (jobs ?? []).filter((j) => j.kind === SUMMARY_JOB && j.assetId === assetId)
  return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
}
