import { ActionIcon, Badge, Button, Group, Highlight, Stack, Textarea, Tooltip } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TranscriptSegment } from '@shared/domain/video'
import { SeekRow } from './SeekRow'

const SPEAKER_COLORS = ['indigo', 'teal', 'grape', 'orange', 'blue'] as const

/** A stable colour per speaker label (A, B, … or names a model gave). */
export function speakerColor(label: string): (typeof SPEAKER_COLORS)[number] {
  const code = [...label].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0)
  return SPEAKER_COLORS[code % SPEAKER_COLORS.length] as (typeof SPEAKER_COLORS)[number]
}

interface Props {
  segment: TranscriptSegment
  index: number
  active: boolean
  /** What is shown: the user's text when they edited the line. */
  text: string
  edited: boolean
  speaker: string | null
  terms: string[]
  onSeek: (t: number) => void
  /** Saves a line's text; null goes back to the model's. Absent: lines cannot be edited. */
  onEdit?: (index: number, text: string | null) => void
}

/** One transcript line: its time seeks, its speaker and text show; the pencil edits it in place. */
export function TranscriptLine({
  segment,
  index,
  active,
  text,
  edited,
  speaker,
  terms,
  onSeek,
  onEdit
}: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  if (draft !== null && onEdit) {
    const save = (value: string | null): void => {
      onEdit(index, value)
      setDraft(null)
    }
    return (
      <Stack gap={4} p={6} data-testid="transcript-line-editor">
        <Textarea
          autosize
          minRows={1}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          aria-label={t('audio.editLine')}
          data-testid="transcript-edit-text"
        />
        <Group gap={6} justify="flex-end">
          {edited && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => save(null)}>
              {t('audio.revertLine')}
            </Button>
          )}
          <Button size="compact-xs" variant="default" onClick={() => setDraft(null)}>
            {t('common.cancel')}
          </Button>
          <Button size="compact-xs" onClick={() => save(draft)} data-testid="transcript-edit-save">
            {t('audio.saveLine')}
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <Group gap={2} wrap="nowrap" align="flex-start" className="fw-transcript-line">
      <div style={{ flex: 1, minWidth: 0 }}>
        <SeekRow
          t={segment.start}
          active={active}
          onSeek={onSeek}
          testId="transcript-line"
          data={{ 'data-index': index, ...(edited ? { 'data-edited': 'true' } : {}) }}
        >
          <div>
            {speaker && segment.speaker && (
              <Badge size="xs" variant="light" color={speakerColor(segment.speaker)} tt="none" mr={6}>
                {speaker}
              </Badge>
            )}
            <Highlight component="span" size="sm" highlight={terms} fs={edited ? 'italic' : undefined}>
              {text}
            </Highlight>
          </div>
        </SeekRow>
      </div>
      {onEdit && (
        <Tooltip label={t('audio.editLine')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            mt={4}
            aria-label={t('audio.editLine')}
            onClick={() => setDraft(text)}
            data-testid="transcript-edit"
          >
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
