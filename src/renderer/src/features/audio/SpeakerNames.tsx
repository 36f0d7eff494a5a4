import { Badge, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { speakerColor } from '../player/TranscriptLine'

interface Props {
  labels: string[]
  names: Record<string, string>
  onRename: (label: string, name: string) => void
}

/** The speakers a diarizing model told apart; a click names one (an empty name goes back to its label). */
export function SpeakerNames({ labels, names, onRename }: Props) {
  const { t } = useTranslation()
  return (
    <Group gap={6} data-testid="speaker-names">
      <Text size="xs" c="dimmed">
        {t('audio.speakers')}
      </Text>
      {labels.map((label) => (
        <SpeakerChip key={label} label={label} name={names[label] ?? ''} onRename={onRename} />
      ))}
    </Group>
  )
}

function SpeakerChip({
  label,
  name,
  onRename
}: {
  label: string
  name: string
  onRename: Props['onRename']
}) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [draft, setDraft] = useState(name)
  const save = (): void => {
    onRename(label, draft.trim())
    setOpened(false)
  }
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom-start">
      <Popover.Target>
        <Badge
          component="button"
          type="button"
          variant="light"
          color={speakerColor(label)}
          tt="none"
          style={{ cursor: 'pointer' }}
          onClick={() => {
            setDraft(name)
            setOpened((o) => !o)
          }}
          aria-label={t('audio.renameSpeaker', { label })}
          data-testid="speaker-chip"
        >
          {name || label}
        </Badge>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            size="xs"
            label={t('audio.speakerName', { label })}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && save()}
            maxLength={60}
            data-testid="speaker-name-input"
          />
          <Button size="compact-xs" onClick={save} data-testid="speaker-name-save">
            {t('audio.saveLine')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
