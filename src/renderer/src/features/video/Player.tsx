import { Alert, Image, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { mediaUrl } from '../../api/media-url'
import { usePlayable } from '../../api/video-hooks'
import { PlayableNotice } from './PlayableNotice'

interface Props {
  asset: Asset
  mediaRef: React.RefObject<HTMLMediaElement | null>
  onTimeUpdate: () => void
}

/** The video (or, for audio files, the waveform above an audio element) that timestamps seek. */
export function Player({ asset, mediaRef, onTimeUpdate }: Props) {
  const { t } = useTranslation()
  // Chromium plays H.264, VP8/9, AV1 and common audio; HEVC and some containers it cannot. Such a
  // video plays from its playable copy once one is made (same timeline, so seeking is unchanged).
  const [failedSrc, setFailedSrc] = useState<string | null>(null)
  const copy = usePlayable(asset.id, asset.kind === 'video').data?.path ?? null
  const src = mediaUrl(copy ?? asset.path)
  const unplayable = failedSrc !== null && failedSrc === src
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
            onError={() => setFailedSrc(src ?? null)}
            style={{ width: '100%' }}
            data-testid="video-player"
          />
        </Stack>
      </Paper>
    )
  }
  return (
    <Stack gap="xs">
      {unplayable && !copy && <PlayableNotice asset={asset} />}
      {unplayable && copy && notice}
      <video
        ref={mediaRef as React.RefObject<HTMLVideoElement>}
        src={src}
        poster={mediaUrl(asset.thumb.path)}
        controls
        preload="metadata"
        onTimeUpdate={onTimeUpdate}
        onSeeked={onTimeUpdate}
        onError={() => setFailedSrc(src ?? null)}
        // A video codec Chromium lacks (HEVC) raises no error: the sound plays over no picture.
        onLoadedMetadata={(event) => event.currentTarget.videoWidth === 0 && setFailedSrc(src ?? null)}
        className="fw-player"
        data-testid="video-player"
        data-copy={copy ? 'true' : undefined}
      />
      {copy && !unplayable && (
        <Text size="xs" c="dimmed" data-testid="playing-copy">
          {t('video.playingCopy')}
        </Text>
      )}
    </Stack>
  )
}
