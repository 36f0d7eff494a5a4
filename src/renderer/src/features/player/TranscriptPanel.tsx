import { CloseButton, Group, ScrollArea, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Transcript } from '@shared/domain/video'
import { languageName } from '../../i18n/language-name'
import { TranscriptLine } from './TranscriptLine'
import { activeIndex } from './usePlayer'

interface Props {
  transcript: Pick<Transcript, 'segments' | 'model' | 'language'>
  currentTime: number
  onSeek: (t: number) => void
  /** Segment index → the user's text for it (shown instead of the model's). */
  edits?: Record<string, string>
  /** Speaker label → the name the user gave it. */
  speakers?: Record<string, string>
  onEdit?: (index: number, text: string | null) => void
  /** Text to look for when the panel opens (a Library search): the player goes to its first line. */
  initialQuery?: string
  /** Extra controls beside the search box. */
  tools?: ReactNode
}

/** Transcript lines that follow playback; a click seeks; a search narrows the lines and marks the words. */
export function TranscriptPanel({
  transcript,
  currentTime,
  onSeek,
  edits = {},
  speakers = {},
  onEdit,
  initialQuery,
  tools
}: Props) {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState(initialQuery ?? '')
  const [follow, setFollow] = useState(true)
  const viewport = useRef<HTMLDivElement>(null)
  const segments = transcript.segments
  const textOf = (index: number): string => edits[String(index)] ?? segments[index]?.text ?? ''
  const playing = activeIndex(
    segments.map((s) => s.start),
    currentTime
  )
  const needle = query.trim().toLowerCase()
  // Every word of the search must be on the line (as in the Library search), in any order.
  const terms = useMemo(() => needle.split(/\s+/u).filter(Boolean), [needle])
  const shown = useMemo(
    () =>
      segments
        .map((segment, index) => ({ segment, index, text: edits[String(index)] ?? segment.text }))
        .filter(({ text, segment }) => matches(`${speakers[segment.speaker ?? ''] ?? ''} ${text}`, terms)),
    [segments, edits, speakers, terms]
  )
  useJumpToFirstMatch(initialQuery, shown[0]?.segment.start, onSeek)
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
        {tools}
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
            <TranscriptLine
              key={index}
              segment={segment}
              index={index}
              active={index === playing}
              text={textOf(index)}
              edited={edits[String(index)] !== undefined}
              speaker={segment.speaker ? (speakers[segment.speaker] ?? segment.speaker) : null}
              terms={terms}
              onSeek={onSeek}
              onEdit={onEdit}
            />
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  )
}

function matches(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase()
  return terms.every((term) => lower.includes(term))
}

/** Opened from a search result: once the lines are there, the player goes to the first match. */
function useJumpToFirstMatch(
  query: string | undefined,
  start: number | undefined,
  onSeek: (t: number) => void
) {
  const done = useRef(false)
  useEffect(() => {
    if (done.current || !query || start === undefined) return
    done.current = true
    onSeek(start)
  }, [query, start, onSeek])
}
