import { Alert, Anchor, Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { SPEAK_JOB, type SpeechView } from '@shared/domain/audio'
import { formatDuration, formatUsd } from '@shared/format'
import { useSpeech } from '../../api/audio-hooks'
import { subscribe } from '../../api/client'
import { useJobs } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'
import { errorText } from '../../i18n/error-text'

interface Position {
  t: number
  playing: boolean
}

/**
 * Plays speech as it is made: each piece as soon as it arrives, one after the other, then the
 * joined file (from the same moment) once it is ready.
 */
export function SpeechPlayer({ speechId }: { speechId: string }) {
  const { t } = useTranslation()
  const { data: speech, refetch } = useSpeech(speechId)
  // Pieces arrive while the speech job reports progress: each report brings the new ones.
  useEffect(() => subscribe('job.updated', (job) => job.kind === SPEAK_JOB && void refetch()), [refetch])
  const { data: jobs } = useJobs()
  // Where the pieces' playback got to, so the joined file carries on from the same moment.
  const position = useRef<Position>({ t: 0, playing: false })
  if (!speech) return null
  const job = jobs?.find((j) => j.id === speech.jobId)
  const arrived = speech.pieces.filter((p) => p.path).length
  return (
    <Paper withBorder radius="lg" p="md" data-testid="speech-player" data-status={speech.status}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} lineClamp={1}>
            {speech.text.slice(0, 80)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('audio.speechFacts', {
              voice: speech.voice,
              model: speech.model,
              cost: formatUsd(speech.costUsd)
            })}
          </Text>
        </Group>
        {speech.status === 'complete' && speech.path ? (
          <Joined speech={speech} positionRef={position} />
        ) : (
          <>
            <Progress
              value={(100 * arrived) / Math.max(1, speech.pieces.length)}
              animated={speech.status === 'running'}
            />
            <Text size="xs" c="dimmed" data-testid="speech-pieces">
              {t('audio.pieces', { done: arrived, count: speech.pieces.length })}
            </Text>
            <Pieces speech={speech} positionRef={position} />
          </>
        )}
        {speech.status === 'failed' && job?.error && (
          <Alert color="red" title={errorText(t, job.error).title}>
            {errorText(t, job.error).detail} {t('audio.keptPieces')}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

/** The pieces that arrived, played in order; playback starts with the first. */
function Pieces({ speech, positionRef }: { speech: SpeechView; positionRef: RefObject<Position> }) {
  const ref = useRef<HTMLAudioElement>(null)
  const [index, setIndex] = useState(0)
  const piece = speech.pieces[index]
  const src = piece?.path ? mediaUrl(piece.path) : undefined
  useEffect(() => {
    if (src) void ref.current?.play().catch(() => undefined)
  }, [src])
  return (
    <audio
      ref={ref}
      src={src}
      controls
      preload="auto"
      onEnded={() => setIndex((i) => i + 1)}
      onTimeUpdate={(e) => {
        const before = speech.pieces.slice(0, index).reduce((sum, p) => sum + (p.durationS ?? 0), 0)
        positionRef.current = { t: before + e.currentTarget.currentTime, playing: !e.currentTarget.paused }
      }}
      style={{ width: '100%' }}
      data-testid="speech-piece-audio"
      data-index={index}
    />
  )
}

function Joined({ speech, positionRef }: { speech: SpeechView; positionRef: RefObject<Position> }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <audio
        src={mediaUrl(speech.path)}
        controls
        preload="metadata"
        onLoadedMetadata={(e) => {
          if (!positionRef.current.playing) return
          e.currentTarget.currentTime = positionRef.current.t
          void e.currentTarget.play().catch(() => undefined)
        }}
        style={{ width: '100%' }}
        data-testid="speech-audio"
      />
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('audio.speechDone', { count: speech.pieces.length, duration: formatDuration(speech.durationS) })}
        </Text>
        {speech.assetId && (
          <Anchor component={Link} href={`/audio/${speech.assetId}`} size="xs" data-testid="speech-open">
            {t('audio.openRecording')}
          </Anchor>
        )}
      </Group>
    </Stack>
  )
}
