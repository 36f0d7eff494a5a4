import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconVolume } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDuration, formatUsd } from '@shared/format'
import { useSpeak, useSpeechEstimate } from '../../api/audio-hooks'
import { errorInfo } from '../../api/client'
import { errorText } from '../../i18n/error-text'
import { SpeakOptions, useSpeakChoice } from './SpeakOptions'
import { SpeechHistory } from './SpeechHistory'
import { SpeechPlayer } from './SpeechPlayer'

/** Text → speech: any length (cut at sentences, joined without gaps), heard as soon as the first piece arrives. */
export function SpeakPanel() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [choice, setChoice] = useSpeakChoice()
  const [speechId, setSpeechId] = useState<string | null>(null)
  const [debounced] = useDebouncedValue(text, 400)
  const estimate = useSpeechEstimate(debounced, choice.model)
  const speak = useSpeak()
  const start = (): void =>
    speak.mutate(
      { text, ...choice, instructions: choice.instructions.trim() || undefined },
      { onSuccess: ({ speechId: id }) => setSpeechId(id) }
    )
  const problem = speak.error ? errorText(t, errorInfo(speak.error)) : null
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="speak-panel">
      <Stack gap="sm">
        <Textarea
          label={t('audio.text')}
          placeholder={t('audio.textHint')}
          autosize
          minRows={8}
          maxRows={18}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="speak-text"
        />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" data-testid="speak-estimate">
            {estimate.data && text.trim()
              ? t('audio.speechEstimate', {
                  chars: estimate.data.chars.toLocaleString(),
                  count: estimate.data.pieces,
                  duration: formatDuration(estimate.data.durationS),
                  cost: formatUsd(estimate.data.costUsd)
                })
              : t('audio.speechLimitHint')}
          </Text>
          <Button
            leftSection={<IconVolume size={16} />}
            onClick={start}
            loading={speak.isPending}
            disabled={!text.trim()}
            data-testid="speak-start"
          >
            {t('audio.speak')}
          </Button>
        </Group>
        {problem && (
          <Alert color="red" title={problem.title} data-testid="speak-error">
            {problem.detail}
          </Alert>
        )}
      </Stack>
      <Stack gap="md">
        <Paper withBorder radius="lg" p="md">
          <SpeakOptions value={choice} onChange={setChoice} />
        </Paper>
        {speechId && <SpeechPlayer key={speechId} speechId={speechId} />}
        <SpeechHistory current={speechId} onOpen={setSpeechId} />
      </Stack>
    </SimpleGrid>
  )
}
