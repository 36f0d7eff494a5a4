import { Group, Image, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { GalleryDetail } from '@shared/domain/gallery'
import { mediaUrl } from '../../api/media-url'

interface Thumb {
  assetId: string
  path: string
  thumbPath: string | null
  label: string
  /** Generated here, so it can be opened in the gallery. */
  generated: boolean
}

/** Where an image came from (parents), what was made from it (children), and every version of its chain. */
export function LineagePanel({
  detail,
  onSelect
}: {
  detail: GalleryDetail
  onSelect: (assetId: string) => void
}) {
  const { t } = useTranslation()
  const { item, parents, children, chain } = detail
  const parentThumbs: Thumb[] = parents.map((p) => ({
    assetId: p.assetId,
    path: p.path,
    thumbPath: p.thumbPath,
    label: p.item?.prompt ?? `${t('gallery.detail.photo')}: ${p.name}`,
    generated: p.item !== null
  }))
  const asThumb = (i: GalleryDetail['item']): Thumb => ({ ...i, label: i.prompt, generated: true })
  const lonely = parents.length === 0 && children.length === 0
  return (
    <Stack gap={6} data-testid="lineage-panel">
      <Text size="sm" fw={600}>
        {t('gallery.detail.lineage')}
      </Text>
      {lonely && (
        <Text size="xs" c="dimmed">
          {t('gallery.detail.noLineage')}
        </Text>
      )}
      {!lonely && (
        <Group gap={6} wrap="wrap" align="center">
          {parentThumbs.length > 0 && (
            <Row
              title={t('gallery.detail.parents')}
              thumbs={parentThumbs}
              onSelect={onSelect}
              testId="lineage-parents"
            />
          )}
          {parentThumbs.length > 0 && <IconArrowRight size={16} />}
          <Row
            title=""
            thumbs={[asThumb(item)]}
            onSelect={onSelect}
            current={item.assetId}
            testId="lineage-self"
          />
          {children.length > 0 && <IconArrowRight size={16} />}
          {children.length > 0 && (
            <Row
              title={t('gallery.detail.children')}
              thumbs={children.map(asThumb)}
              onSelect={onSelect}
              testId="lineage-children"
            />
          )}
        </Group>
      )}
      {chain.length > 2 && (
        <>
          <Text size="xs" c="dimmed">
            {t('gallery.detail.versions')}
          </Text>
          <Row
            title=""
            thumbs={chain.map(asThumb)}
            onSelect={onSelect}
            current={item.assetId}
            testId="lineage-chain"
          />
        </>
      )}
    </Stack>
  )
}

function Row({
  title,
  thumbs,
  onSelect,
  current,
  testId
}: {
  title: string
  thumbs: Thumb[]
  onSelect: (assetId: string) => void
  current?: string
  testId: string
}) {
  return (
    <Stack gap={2} data-testid={testId}>
      {title && (
        <Text size="xs" c="dimmed">
          {title}
        </Text>
      )}
      <Group gap={4} wrap="wrap">
        {thumbs.map((thumb) => (
          <Tooltip key={thumb.assetId} label={thumb.label} multiline maw={260}>
            <UnstyledButton
              onClick={() => thumb.generated && onSelect(thumb.assetId)}
              aria-label={thumb.label}
              aria-current={thumb.assetId === current || undefined}
              data-testid="lineage-thumb"
              data-asset-id={thumb.assetId}
              style={{
                borderRadius: 4,
                outline:
                  thumb.assetId === current ? '2px solid var(--mantine-primary-color-filled)' : undefined,
                cursor: thumb.generated ? 'pointer' : 'default'
              }}
            >
              <Image
                src={mediaUrl(thumb.thumbPath ?? thumb.path)}
                w={56}
                h={56}
                fit="cover"
                radius={4}
                alt=""
              />
            </UnstyledButton>
          </Tooltip>
        ))}
      </Group>
    </Stack>
  )
}
