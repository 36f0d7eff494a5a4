import { Progress, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The microphone's level, on a scale that makes normal speech fill about half of it. */
export function MicMeter({ level, speaking }: { level: number; speaking: boolean }) {
  const { t } = useTranslation()
  const value = Math.min(100, Math.sqrt(level) * 180)
  return (
    <Tooltip label={speaking ? t('voice.speaking') : t('voice.level')}>
      <Progress
        value={value}
        color={speaking ? 'teal' : 'blue'}
        w={120}
        size="lg"
        radius="xl"
        aria-label={t('voice.level')}
        data-testid="voice-meter"
        data-level={level.toFixed(3)}
        transitionDuration={80}
      />
    </Tooltip>
  )
}
