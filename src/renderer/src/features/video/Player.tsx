import { Alert, Image, Paper, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { mediaUrl } from '../../api/media-url'

interface Props {
  asset: Asset
  mediaRef: React.RefObject<HTMLMediaElement | null>
  onTimeUpdate: () => void
}

/** The video (or, for audio files, the waveform above an audio element) that timestamps seek. */
export function Player({ asset, mediaRef, onTimeUpdate }: Props) {
  const { t } = useTranslation()
  // Chromium plays H.264, VP8/9, AV1 and common audio; HEVC and some containers it cannot.
  const [unplayable, setUnplayable] = useState(false)
  const src = mediaUrl(asset.path)
  const notice = unplayable && (
    <Alert color="yellow" data-testid="player-unplayable">
      {t('video.cannotPlay', { codec: String(asset.metadata.videoCodec ?? asset.metadata.audioCodec ?? '') })}
    </Alert>
  )
  if (asset.kind === 'audio') {
    return (
      <Paper withBorder radius="lg" p="md">
        <Stack gap="xs">
          {asset.thumb.path && (
            <Image src={mediaUrl(asset.thumb.path)} alt="" radius="md" h={96} fit="fill" />
          )}
          {notice}
          <audio
            ref={mediaRef as React.RefObject<HTMLAudioElement>}
            src={src}
            controls
            preload="metadata"
            onTimeUpdate={onTimeUpdate}
            onSeeked={onTimeUpdate}
            onError={() => setUnplayable(true)}
            style={{ width: '100%' }}
            data-testid="video-player"
          />
        </Stack>
      </Paper>
    )
  }
  return (
    <Stack gap="xs">
      {notice}
      <video
        ref={mediaRef as React.RefObject<HTMLVideoElement>}
        src={src}
        poster={mediaUrl(asset.thumb.path)}
        controls
        preload="metadata"
        onTimeUpdate={onTimeUpdate}
        onSeeked={onTimeUpdate}
        onError={() => setUnplayable(true)}
        className="fw-player"
        data-testid="video-player"
      />
    </Stack>
  )
}
