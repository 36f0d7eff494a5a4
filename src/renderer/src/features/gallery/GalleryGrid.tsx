import { AspectRatio, Box, Card, Group, Image, Text } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { IconStarFilled } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef, type KeyboardEvent } from 'react'
import type { GalleryItem } from '@shared/domain/gallery'
import { mediaUrl } from '../../api/media-url'

const TILE = 190
const GAP = 10
const CAPTION = 44

interface Props {
  items: GalleryItem[]
  selected: string | null
  hasMore: boolean
  onLoadMore: () => void
  onSelect: (assetId: string) => void
  /** Enter on the selected image. */
  onOpen: (assetId: string) => void
  /** Delete on the selected image. */
  onDelete: (assetId: string) => void
  /** Escape: back to the gallery alone. */
  onClose: () => void
}

/**
 * Newest first, only the rows on screen rendered. The grid takes the keyboard: arrows move the
 * selection (up and down by a row), Enter opens it, Delete asks to delete it, Escape closes it.
 */
export function GalleryGrid({
  items,
  selected,
  hasMore,
  onLoadMore,
  onSelect,
  onOpen,
  onDelete,
  onClose
}: Props) {
  const { ref: sizeRef, width } = useElementSize()
  const scrollRef = useRef<HTMLDivElement>(null)
  const columns = Math.max(1, Math.floor((width + GAP) / (TILE + GAP)))
  const tile = width > 0 ? (width - GAP * (columns - 1)) / columns : TILE
  const rowHeight = Math.round(tile + CAPTION + GAP)
  const rowCount = Math.ceil(items.length / columns)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3
  })
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer])
  const rows = virtualizer.getVirtualItems()
  const lastRow = rows.at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastRow >= rowCount - 3) onLoadMore()
  }, [hasMore, lastRow, rowCount, onLoadMore])
  const index = items.findIndex((i) => i.assetId === selected)
  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' })
  }, [index, columns, virtualizer])

  const onKeyDown = (e: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[e.key]
    if (step !== undefined) {
      e.preventDefault()
      const next = Math.min(items.length - 1, Math.max(0, index < 0 ? 0 : index + step))
      const item = items[next]
      if (item) onSelect(item.assetId)
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault()
      onOpen(selected)
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected) {
      e.preventDefault()
      onDelete(selected)
    } else if (e.key === 'Escape' && selected) {
      e.preventDefault()
      onClose()
    }
  }

  return (
    <Box
      ref={scrollRef}
      style={{ flex: 1, minHeight: 0, minWidth: 0, overflowY: 'auto' }}
      tabIndex={0}
      role="grid"
      aria-rowcount={rowCount}
      onKeyDown={onKeyDown}
      data-testid="gallery-grid"
    >
      <div ref={sizeRef} style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {rows.map((row) => (
          <div
            key={row.key}
            role="row"
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start}px)`,
              display: 'grid',
              gridTemplateColumns: `repeat(${columns}, 1fr)`,
              gap: GAP
            }}
          >
            {items.slice(row.index * columns, row.index * columns + columns).map((item) => (
              <Tile key={item.assetId} item={item} selected={item.assetId === selected} onSelect={onSelect} />
            ))}
          </div>
        ))}
      </div>
    </Box>
  )
}

const Tile = memo(function Tile({
  item,
  selected,
  onSelect
}: {
  item: GalleryItem
  selected: boolean
  onSelect: (assetId: string) => void
}) {
  return (
    <Card
      withBorder
      padding={0}
      role="gridcell"
      aria-selected={selected}
      aria-label={item.prompt}
      onClick={() => onSelect(item.assetId)}
      style={
        selected ? { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: 1 } : undefined
      }
      data-testid="gallery-item"
      data-asset-id={item.assetId}
      data-selected={selected || undefined}
    >
      <AspectRatio ratio={1} className="fw-thumb-checker" pos="relative">
        {item.favourite && (
          <IconStarFilled
            size={18}
            color="var(--mantine-color-yellow-5)"
            style={{
              position: 'absolute',
              top: 6,
              right: 6,
              zIndex: 1,
              filter: 'drop-shadow(0 0 2px rgba(0,0,0,.6))'
            }}
            aria-hidden
            data-testid="gallery-favourite"
          />
        )}
        <Image
          src={mediaUrl(item.thumbPath ?? item.path)}
          alt={item.prompt}
          fit="cover"
          loading="lazy"
          data-testid={item.thumbPath ? 'gallery-thumb' : 'gallery-original'}
        />
      </AspectRatio>
      <Group gap={4} px={6} py={4} wrap="nowrap" h={CAPTION - 2} align="center">
        <Text size="xs" lineClamp={2} style={{ lineHeight: 1.25 }}>
          {item.prompt}
        </Text>
      </Group>
    </Card>
  )
})
