import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoiceSettings } from '@shared/domain/voice'
import { errorText } from '../../i18n/error-text'
import { LiveControls } from './LiveControls'
import { TranscriptList } from './TranscriptList'
import type { useLiveVoice } from './useLiveVoice'

interface Props {
  live: ReturnType<typeof useLiveVoice>
  settings: VoiceSettings
  canStart: boolean
}

/** The conversation: controls, the two-sided transcript, and a box to type in (always there). */
export function LiveConversation({ live, settings, canStart }: Props) {
  const { t } = useTranslation()
  const { state, entries, engine } = live
  const [text, setText] = useState('')
  // While live, the controls follow the settings the session started with: changing turn-taking in
  // the panel applies to the next conversation, and must not hide the Talk button of this one.
  const [started, setStarted] = useState(settings)
  const inUse = state.phase === 'idle' ? settings : started
  const send = (): void => {
    if (!text.trim()) return
    void engine.sendText(text.trim())
    setText('')
  }
  const problem = state.error ? errorText(t, state.error) : null
  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      data-testid="voice-live"
      data-phase={state.phase}
      data-received-samples={state.counters.received}
      data-played-samples={state.counters.played}
    >
      <Stack gap="sm">
        <LiveControls
          state={state}
          engine={engine}
          pushToTalk={inUse.turnDetection === 'push_to_talk'}
          canStart={canStart}
          onStart={() => {
            setStarted(settings)
            void engine.start(settings)
          }}
        />
        {state.mic.state === 'unavailable' && (
          <Alert color="yellow" data-testid="voice-mic-unavailable">
            {t('voice.micUnavailable', { message: state.mic.message })}
          </Alert>
        )}
        {problem && (
          <Alert color="red" title={problem.title} data-testid="voice-error" withCloseButton={false}>
            {problem.detail}
          </Alert>
        )}
        {state.phase === 'idle' && state.closedReason === 'idle' && (
          <Alert color="gray" data-testid="voice-closed">
            {t('voice.closedIdle')}
          </Alert>
        )}
        <TranscriptList entries={entries} empty={t('voice.empty')} />
        <Group gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('voice.typeMessage')}
            aria-label={t('voice.typeMessage')}
            value={text}
            disabled={state.phase !== 'live'}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && send()}
            data-testid="voice-text"
          />
          <Button
            variant="default"
            leftSection={<IconSend size={16} />}
            disabled={state.phase !== 'live' || !text.trim()}
            onClick={send}
            data-testid="voice-send"
          >
            {t('voice.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
