import { CloseButton, Group, Highlight, ScrollArea, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Transcript } from '@shared/domain/video'
import { languageName } from '../../i18n/language-name'
import { SeekRow } from './SeekRow'
import { activeIndex } from './usePlayer'

interface Props {
  transcript: Transcript
  currentTime: number
  onSeek: (t: number) => void
}

/** Transcript lines that follow playback; a click seeks; a search narrows the lines and marks the words. */
export function TranscriptPanel({ transcript, currentTime, onSeek }: Props) {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [follow, setFollow] = useState(true)
  const viewport = useRef<HTMLDivElement>(null)
  const segments = transcript.segments
  const playing = activeIndex(
    segments.map((s) => s.start),
    currentTime
  )
  const needle = query.trim().toLowerCase()
  const shown = useMemo(
    () =>
      segments
        .map((segment, index) => ({ segment, index }))
        .filter(({ segment }) => !needle || segment.text.toLowerCase().includes(needle)),
    [segments, needle]
  )
  useEffect(() => {
    if (!follow || needle || playing < 0) return
    const line = viewport.current?.querySelector<HTMLElement>(`[data-index="${playing}"]`)
    line?.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
  }, [playing, follow, needle])
  return (
    <Stack gap="xs" style={{ minHeight: 0, flex: 1 }} data-testid="transcript">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          size="xs"
          leftSection={<IconSearch size={14} />}
          placeholder={t('video.searchTranscript')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          rightSection={
            query ? (
              <CloseButton size="xs" aria-label={t('common.clear')} onClick={() => setQuery('')} />
            ) : null
          }
          data-testid="transcript-search"
        />
        <Switch
          size="xs"
          label={t('video.follow')}
          checked={follow}
          onChange={(e) => setFollow(e.currentTarget.checked)}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {needle
          ? t('video.matches', { count: shown.length })
          : t('video.transcriptInfo', {
              count: segments.length,
              model: transcript.model,
              language: languageName(transcript.language, i18n.language) ?? '—'
            })}
      </Text>
      <ScrollArea style={{ flex: 1 }} viewportRef={viewport} type="auto">
        {segments.length === 0 && <Text c="dimmed">{t('video.noSpeech')}</Text>}
        <Stack gap={0}>
          {shown.map(({ segment, index }) => (
            <SeekRow
              key={index}
              t={segment.start}
              active={index === playing}
              onSeek={onSeek}
              testId="transcript-line"
              data={{ 'data-index': index }}
            >
              <Highlight size="sm" highlight={needle}>
                {segment.text}
              </Highlight>
            </SeekRow>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  )
}
