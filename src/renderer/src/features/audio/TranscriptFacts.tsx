import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TranscriptView } from '@shared/domain/audio'
import { formatUsd } from '@shared/format'
import { languageName } from '../../i18n/language-name'

/** Which model wrote the transcript, in what language, from how many pieces, at what cost. */
export function TranscriptFacts({ transcript }: { transcript: TranscriptView }) {
  const { t, i18n } = useTranslation()
  const edits = Object.keys(transcript.edits).length
  const parts = [
    transcript.model,
    languageName(transcript.language, i18n.language),
    t('audio.piecesCount', { count: transcript.piecesTotal }),
    transcript.timestamps === 'word' ? t('audio.withWords', { count: transcript.words.length }) : null,
    edits > 0 ? t('audio.editedLines', { count: edits }) : null
  ].filter(Boolean)
  return (
    <Group gap={6} data-testid="transcript-facts">
      <Text size="sm" fw={600} data-testid="transcript-cost">
        {t('audio.cost', { cost: formatUsd(transcript.costUsd) })}
      </Text>
      <Text size="sm" c="dimmed">
        {parts.join(' · ')}
      </Text>
    </Group>
  )
}
