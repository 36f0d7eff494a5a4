import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconVolume } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSpeak } from '../../api/audio-hooks'
import { notifyError } from '../../i18n/notify-error'
import { SpeakOptions, useSpeakChoice } from './SpeakOptions'
import { SpeechPlayer } from './SpeechPlayer'

/** "Read aloud" for any text on a page (a summary, a transcript, an answer): pick a voice, hear it. */
export function ReadAloudButton({ text, title }: { text: string; title: string }) {
  const { t } = useTranslation()
  const [opened, modal] = useDisclosure(false)
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconVolume size={16} />}
        onClick={modal.open}
        disabled={!text.trim()}
        data-testid="read-aloud"
      >
        {t('audio.readAloud')}
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={t('audio.readAloudTitle', { title })}
        size="lg"
        centered
      >
        {opened && <ReadAloud text={text} title={title} />}
      </Modal>
    </>
  )
}

function ReadAloud({ text, title }: { text: string; title: string }) {
  const { t } = useTranslation()
  const [choice, setChoice] = useSpeakChoice()
  const [speechId, setSpeechId] = useState<string | null>(null)
  const speak = useSpeak()
  const start = (): void =>
    speak.mutate(
      { text, title, ...choice, instructions: choice.instructions.trim() || undefined },
      { onSuccess: ({ speechId: id }) => setSpeechId(id), onError: (error) => notifyError(t, error) }
    )
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('audio.readAloudHint', { chars: text.length.toLocaleString() })}
      </Text>
      <SpeakOptions value={choice} onChange={setChoice} compact />
      <Group justify="flex-end">
        <Button
          leftSection={<IconVolume size={16} />}
          onClick={start}
          loading={speak.isPending}
          data-testid="read-aloud-start"
        >
          {speechId ? t('audio.speakAgain') : t('audio.speak')}
        </Button>
      </Group>
      {speechId && <SpeechPlayer key={speechId} speechId={speechId} />}
    </Stack>
  )
}
