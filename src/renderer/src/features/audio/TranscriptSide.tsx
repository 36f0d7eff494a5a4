import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import type { TranscriptView } from '@shared/domain/audio'
import { useUpdateTranscript } from '../../api/audio-hooks'
import { notifyError } from '../../i18n/notify-error'
import { TranscriptPanel } from '../player/TranscriptPanel'
import type { PlayerControls } from '../player/usePlayer'
import { SpeakerNames } from './SpeakerNames'

interface Props {
  asset: Asset
  transcript: TranscriptView | null
  player: PlayerControls
  find?: string
}

/** The transcript beside the player: speakers to name, lines that follow playback and can be edited. */
export function TranscriptSide({ asset, transcript, player, find }: Props) {
  const { t } = useTranslation()
  const update = useUpdateTranscript(asset.id)
  if (!transcript)
    return (
      <Text size="sm" c="dimmed">
        {t('audio.transcriptPending')}
      </Text>
    )
  const complete = transcript.status === 'complete'
  const save = (patch: {
    edits?: { index: number; text: string | null }[]
    speakers?: Record<string, string>
  }) =>
    update.mutate({ transcriptId: transcript.id, ...patch }, { onError: (error) => notifyError(t, error) })
  const labels = [
    ...new Set(transcript.segments.map((s) => s.speaker).filter((s): s is string => Boolean(s)))
  ]
  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      {complete && labels.length > 0 && (
        <SpeakerNames
          labels={labels}
          names={transcript.speakers}
          onRename={(label, name) => save({ speakers: { [label]: name } })}
        />
      )}
      <TranscriptPanel
        key={transcript.id}
        transcript={transcript}
        currentTime={player.currentTime}
        onSeek={player.seek}
        edits={transcript.edits}
        speakers={transcript.speakers}
        onEdit={complete ? (index, text) => save({ edits: [{ index, text }] }) : undefined}
        initialQuery={find}
      />
    </Stack>
  )
}
