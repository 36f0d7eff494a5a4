import { Box } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { Asset, LibraryItem } from '@shared/domain/asset'
import type { Settings } from '@shared/domain/settings'
import { AssetCard, hasMatchHint } from './AssetCard'

const CARD_WIDTH: Record<Settings['libraryGridSize'], number> = { small: 150, medium: 200, large: 270 }
const GAP = 12
// Thumbnail (4:3) plus the two text lines under it, and a third for search results' match hints.
const CAPTION_HEIGHT = 58
const HINT_HEIGHT = 18

interface Props {
  items: LibraryItem[]
  /** Search words to mark in the match hints. */
  highlight: string[]
  size: Settings['libraryGridSize']
  hasMore: boolean
  onLoadMore: () => void
  onOpen: (asset: Asset) => void
  picked: ReadonlySet<string>
  onPick: (asset: Asset) => void
}

/** Only the rows on screen are rendered, so a library of tens of thousands scrolls smoothly. */
export function AssetGrid({ items, highlight, size, hasMore, onLoadMore, onOpen, picked, onPick }: Props) {
  const { ref: sizeRef, width } = useElementSize()
  const scrollRef = useRef<HTMLDivElement>(null)
  const columns = Math.max(1, Math.floor((width + GAP) / (CARD_WIDTH[size] + GAP)))
  const cardWidth = width > 0 ? (width - GAP * (columns - 1)) / columns : CARD_WIDTH[size]
  const caption = CAPTION_HEIGHT + (items.some(hasMatchHint) ? HINT_HEIGHT : 0)
  const rowHeight = Math.round((cardWidth * 3) / 4 + caption + GAP)
  const rowCount = Math.ceil(items.length / columns)
  // TanStack Virtual returns fresh functions each render; fine without the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 4
  })
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer])
  const rows = virtualizer.getVirtualItems()
  const lastRow = rows.at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastRow >= rowCount - 3) onLoadMore()
  }, [hasMore, lastRow, rowCount, onLoadMore])

  return (
    <Box ref={scrollRef} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="asset-grid">
      <div ref={sizeRef} style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {rows.map((row) => (
          <div
            key={row.key}
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
            {items.slice(row.index * columns, row.index * columns + columns).map((asset) => (
              <AssetCard
                key={asset.id}
                asset={asset}
                highlight={highlight}
                onOpen={onOpen}
                picked={picked.has(asset.id)}
                picking={picked.size > 0}
                onPick={onPick}
              />
            ))}
          </div>
        ))}
      </div>
    </Box>
  )
}
