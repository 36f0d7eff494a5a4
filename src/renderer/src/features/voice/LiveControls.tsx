import { ActionIcon, Badge, Button, Group, Text, Tooltip } from '@mantine/core'
import { IconMicrophone, IconMicrophoneOff, IconPlayerStop, IconPhoneCall } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveState, LiveVoiceEngine } from './live-voice-engine'
import { MicMeter } from './MicMeter'

interface Props {
  state: LiveState
  engine: LiveVoiceEngine
  pushToTalk: boolean
  canStart: boolean
  onStart(): void
}

/** Start/end, the meter, mute, and the push-to-talk button (the space bar does the same). */
export function LiveControls({ state, engine, pushToTalk, canStart, onStart }: Props) {
  const { t } = useTranslation()
  const live = state.phase === 'live'
  useSpaceToTalk(live && pushToTalk, engine)
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="sm" wrap="wrap">
        {live ? (
          <Button
            color="red"
            variant="light"
            leftSection={<IconPlayerStop size={16} />}
            onClick={() => void engine.end()}
            data-testid="voice-end"
          >
            {t('voice.end')}
          </Button>
        ) : (
          <Button
            leftSection={<IconPhoneCall size={16} />}
            onClick={onStart}
            loading={state.phase === 'starting'}
            disabled={!canStart}
            data-testid="voice-start"
          >
            {t('voice.start')}
          </Button>
        )}
        {live && pushToTalk && (
          <Button
            variant={state.talking ? 'filled' : 'default'}
            color="teal"
            onPointerDown={() => engine.talk(true)}
            onPointerUp={() => engine.talk(false)}
            onPointerLeave={() => state.talking && engine.talk(false)}
            data-testid="voice-ptt"
          >
            {state.talking ? t('voice.talking') : t('voice.holdToTalk')}
          </Button>
        )}
        {live && pushToTalk && (
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('voice.holdHint')}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {live && state.status && <StatusBadge status={state.status} />}
        {state.mic.state === 'on' && <MicMeter level={state.level} speaking={state.speaking} />}
        {state.mic.state === 'on' && (
          <Tooltip label={state.muted ? t('voice.unmute') : t('voice.mute')}>
            <ActionIcon
              variant={state.muted ? 'filled' : 'default'}
              color={state.muted ? 'red' : undefined}
              size="lg"
              aria-label={state.muted ? t('voice.unmute') : t('voice.mute')}
              onClick={() => engine.setMuted(!state.muted)}
              data-testid="voice-mute"
              aria-pressed={state.muted}
            >
              {state.muted ? <IconMicrophoneOff size={18} /> : <IconMicrophone size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Group>
  )
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const color =
    status === 'open' || status === 'reconnected' ? 'teal' : status === 'reconnecting' ? 'orange' : 'gray'
  const key = status === 'reconnected' ? 'open' : status
  return (
    <Badge color={color} variant="light" data-testid="voice-status" data-status={status}>
      {key === 'reconnecting' ? t('voice.status.connecting') : t(`voice.status.${key}`)}
    </Badge>
  )
}

/** Holding the space bar talks, unless the user is typing somewhere. */
function useSpaceToTalk(enabled: boolean, engine: LiveVoiceEngine): void {
  useEffect(() => {
    if (!enabled) return
    const typing = (e: KeyboardEvent) =>
      e.target instanceof HTMLElement && e.target.closest('input, textarea, [contenteditable]') !== null
    const down = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || e.repeat || typing(e)) return
      e.preventDefault()
      engine.talk(true)
    }
    const up = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || typing(e)) return
      e.preventDefault()
      engine.talk(false)
    }
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
    }
  }, [enabled, engine])
}
