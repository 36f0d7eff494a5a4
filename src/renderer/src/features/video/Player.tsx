import { Image, Paper, Stack } from '@mantine/core'
import type { Asset } from '@shared/domain/asset'
import { mediaUrl } from '../../api/media-url'

/** The video (or, for audio files, the waveform above an audio element) that timestamps seek. */
interface Props {
  asset: Asset
  mediaRef: React.RefObject<HTMLMediaElement | null>
  onTimeUpdate: () => void
}

export function Player({ asset, mediaRef, onTimeUpdate }: Props) {
  const src = mediaUrl(asset.path)
  if (asset.kind === 'audio') {
    return (
      <Paper withBorder radius="lg" p="md">
        <Stack gap="xs">
          {asset.thumb.path && (
            <Image src={mediaUrl(asset.thumb.path)} alt="" radius="md" h={96} fit="fill" />
          )}
          <audio
            ref={mediaRef as React.RefObject<HTMLAudioElement>}
            src={src}
            controls
            preload="metadata"
            onTimeUpdate={onTimeUpdate}
            onSeeked={onTimeUpdate}
            style={{ width: '100%' }}
            data-testid="video-player"
          />
        </Stack>
      </Paper>
    )
  }
  return (
    <video
      ref={mediaRef as React.RefObject<HTMLVideoElement>}
      src={src}
      poster={mediaUrl(asset.thumb.path)}
      controls
      preload="metadata"
      onTimeUpdate={onTimeUpdate}
      onSeeked={onTimeUpdate}
      className="fw-player"
      data-testid="video-player"
    />
  )
}
