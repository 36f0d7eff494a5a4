import { Badge, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VideoSummary } from '@shared/domain/video'
import { ReadAloudButton } from '../audio/ReadAloudButton'
import { SeekList, SeekRow } from '../player/SeekRow'
import { activeIndex } from '../player/usePlayer'

interface Props {
  summary: VideoSummary
  currentTime: number
  onSeek: (t: number) => void
}

/** Title, overview, chapters (the one playing is marked), key moments and the lists. */
export function SummaryPanel({ summary, currentTime, onSeek }: Props) {
  const { t } = useTranslation()
  const playing = activeIndex(
    summary.chapters.map((c) => c.start),
    currentTime
  )
  return (
    <Stack gap="md" data-testid="video-summary">
      <div>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} data-testid="summary-title">
            {summary.title}
          </Title>
          <ReadAloudButton text={spokenSummary(summary)} title={summary.title} />
        </Group>
        <Text mt={6} style={{ whiteSpace: 'pre-wrap' }}>
          {summary.overview}
        </Text>
      </div>
      {summary.chapters.length > 0 && (
        <SeekList title={t('video.chapters')} testId="chapters">
          {summary.chapters.map((chapter, i) => (
            <SeekRow
              key={`${chapter.start}-${chapter.title}`}
              t={chapter.start}
              active={i === playing}
              onSeek={onSeek}
              testId="chapter"
              data={{ 'data-start': chapter.start }}
            >
              <div>
                <Text size="sm" fw={600}>
                  {chapter.title}
                </Text>
                {chapter.summary && (
                  <Text size="sm" c="dimmed">
                    {chapter.summary}
                  </Text>
                )}
              </div>
            </SeekRow>
          ))}
        </SeekList>
      )}
      {summary.keyMoments.length > 0 && (
        <SeekList title={t('video.keyMoments')}>
          {summary.keyMoments.map((moment) => (
            <SeekRow
              key={`${moment.t}-${moment.description}`}
              t={moment.t}
              onSeek={onSeek}
              testId="key-moment"
            >
              <Text size="sm">{moment.description}</Text>
            </SeekRow>
          ))}
        </SeekList>
      )}
      <Lists summary={summary} />
    </Stack>
  )
}

function Lists({ summary }: { summary: VideoSummary }) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      {summary.topics.length > 0 && (
        <Group gap={6}>
          <Text size="sm" fw={600} mr={4}>
            {t('video.topics')}
          </Text>
          {summary.topics.map((topic) => (
            <Badge key={topic} variant="light" radius="sm" tt="none">
              {topic}
            </Badge>
          ))}
        </Group>
      )}
      {summary.people.length > 0 && (
        <Group gap={6}>
          <Text size="sm" fw={600} mr={4}>
            {t('video.people')}
          </Text>
          {summary.people.map((person) => (
            <Badge key={person} variant="outline" color="gray" radius="sm" tt="none">
              {person}
            </Badge>
          ))}
        </Group>
      )}
      {summary.actionItems.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('video.actionItems')}
          </Text>
          <ul className="fw-list">
            {summary.actionItems.map((item) => (
              <li key={item}>
                <Text size="sm">{item}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Stack>
  )
}

/** What "Read aloud" says: the title, the overview, then each chapter's title and summary. */
function spokenSummary(summary: VideoSummary): string {
  const chapters = summary.chapters.map((c) => `${c.title}. ${c.summary}`)
  return [summary.title, summary.overview, ...chapters].join('\n\n')
}
