import { ScrollArea, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FrameSet } from '@shared/domain/frames'
import { finerTimecode, needsFinerTimes, timecode } from '@shared/timecode'
import { mediaUrl } from '../../api/media-url'
import { activeIndex } from '../player/usePlayer'

/** Keyframes in time order; the one on screen is outlined; a click seeks there. */
export function Filmstrip({
  frames,
  currentTime,
  onSeek
}: {
  frames: FrameSet
  currentTime: number
  onSeek: (t: number) => void
}) {
  const { t } = useTranslation()
  const current = activeIndex(
    frames.frames.map((f) => f.t),
    currentTime
  )
  const label = needsFinerTimes(frames.frames.map((f) => f.t)) ? finerTimecode : timecode
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid="filmstrip">
      <div className="fw-filmstrip">
        {frames.frames.map((frame, i) => (
          <Tooltip
            key={frame.path}
            label={t(`video.frameReason.${frame.reason}`, { time: label(frame.t) })}
            openDelay={400}
          >
            <UnstyledButton
              className="fw-filmstrip-frame"
              data-active={i === current || undefined}
              onClick={() => onSeek(frame.t)}
              aria-label={t('video.seekTo', { time: label(frame.t) })}
              data-testid="filmstrip-frame"
            >
              <img src={mediaUrl(frame.thumbPath)} alt="" loading="lazy" />
              <Text size="xs" className="fw-filmstrip-time">
                {label(frame.t)}
              </Text>
            </UnstyledButton>
          </Tooltip>
        ))}
      </div>
    </ScrollArea>
  )
}
