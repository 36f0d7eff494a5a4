import {
  AspectRatio,
  Badge,
  Card,
  Center,
  Checkbox,
  Group,
  Highlight,
  Image,
  Loader,
  Stack,
  Text
} from '@mantine/core'
import { IconMovie, IconMusic, IconPhoto, IconPhotoOff } from '@tabler/icons-react'
import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { Asset, LibraryItem } from '@shared/domain/asset'
import { formatBytes, formatDuration } from '@shared/format'
import { mediaUrl } from '../../api/media-url'

const KIND_ICON = { video: IconMovie, image: IconPhoto, audio: IconMusic }
const KIND_COLOR = { video: 'grape', image: 'teal', audio: 'orange' }

/** A search result found by its details or text, not its name, says where (the name shows itself). */
export function hasMatchHint(item: LibraryItem): boolean {
  return item.match !== null && item.match !== undefined && item.match.field !== 'name'
}

export const AssetCard = memo(function AssetCard({
  asset,
  highlight,
  onOpen,
  picked = false,
  picking = false,
  onPick
}: {
  asset: LibraryItem
  highlight: string[]
  onOpen: (asset: Asset) => void
  /** Part of the multiple selection (for actions on many files at once). */
  picked?: boolean
  /** Some card is picked: a click adds or removes this one instead of opening it. */
  picking?: boolean
  onPick?: (asset: Asset) => void
}) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const hintId = useId()
  const hint = hasMatchHint(asset) ? asset.match : null
  const Icon = KIND_ICON[asset.kind]
  // A double click on a video or audio file goes straight to the Video page.
  const openInVideo = asset.kind === 'image' ? undefined : () => navigate(`/video/${asset.id}`)
  const detail = [
    asset.durationS !== null ? formatDuration(asset.durationS) : null,
    asset.width && asset.height ? `${asset.width}×${asset.height}` : null,
    formatBytes(asset.sizeBytes)
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <Card
      withBorder
      padding={0}
      className="fw-card"
      tabIndex={0}
      role="button"
      aria-label={asset.name}
      aria-describedby={hint ? hintId : undefined}
      onClick={(e) => (onPick && (picking || e.ctrlKey || e.metaKey) ? onPick(asset) : onOpen(asset))}
      onDoubleClick={openInVideo}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen(asset)}
      data-testid="asset-card"
      data-asset-name={asset.name}
      data-thumb-state={asset.thumb.state}
      data-picked={picked || undefined}
      style={{
        position: 'relative',
        outline: picked ? '2px solid var(--mantine-color-blue-filled)' : undefined
      }}
    >
      {onPick && (
        <Checkbox
          className={picking ? undefined : 'fw-pick'}
          checked={picked}
          onChange={() => onPick(asset)}
          onClick={(e) => e.stopPropagation()}
          aria-label={t('library.pick', { name: asset.name })}
          data-testid="asset-pick"
          style={{ position: 'absolute', top: 8, left: 8, zIndex: 2 }}
        />
      )}
      <AspectRatio ratio={4 / 3} className={asset.metadata.hasAlpha ? 'fw-thumb-checker' : 'fw-thumb-plain'}>
        {asset.thumb.state === 'ready' ? (
          <Image
            src={mediaUrl(asset.thumb.path)}
            alt={asset.name}
            fit="contain"
            loading="lazy"
            data-testid="asset-thumb"
          />
        ) : (
          <Center
            title={asset.thumb.state === 'failed' ? t('library.thumbFailed') : t('library.thumbPending')}
          >
            {asset.thumb.state === 'failed' ? (
              <IconPhotoOff size={32} stroke={1.3} />
            ) : (
              <Loader size="sm" type="dots" />
            )}
          </Center>
        )}
      </AspectRatio>
      <Stack gap={2} p="xs">
        <Group gap={6} wrap="nowrap">
          <Icon size={14} stroke={1.6} />
          <Text size="sm" fw={500} truncate="end" title={asset.name} style={{ flex: 1 }}>
            {asset.name}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="xs" c="dimmed" truncate="end">
            {detail}
          </Text>
          <Badge size="xs" variant="light" color={KIND_COLOR[asset.kind]} style={{ flexShrink: 0 }}>
            {t(`library.kind.${asset.kind}`)}
          </Badge>
        </Group>
        {hint && (
          <Text
            id={hintId}
            size="xs"
            c="dimmed"
            truncate="end"
            title={`${t(`library.matchIn.${hint.field}`)}: ${hint.snippet}`}
            data-testid="asset-match"
          >
            <Text span inherit fw={500}>
              {t(`library.matchIn.${hint.field}`)}:
            </Text>{' '}
            <Highlight component="span" inherit highlight={highlight}>
              {hint.snippet}
            </Highlight>
          </Text>
        )}
      </Stack>
    </Card>
  )
})
