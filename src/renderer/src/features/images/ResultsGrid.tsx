import { Badge, Box, Group, Image, Text, TextInput, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconSearch } from '@tabler/icons-react'
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExtractRow, RunView } from '@shared/domain/extract'
import { schemaColumns } from '@shared/extractor-schema'
import { valueText } from '@shared/field-text'
import { formatUsd } from '@shared/format'
import { mediaUrl } from '../../api/media-url'

const ROW_HEIGHT = 44
const GRID_HEIGHT = 520
const STATUS_COLOR = { ok: 'teal', failed: 'red', refused: 'orange', pending: 'gray' } as const

function useColumns(run: RunView): ColumnDef<ExtractRow>[] {
  const { t } = useTranslation()
  return useMemo<ColumnDef<ExtractRow>[]>(
    () => [
      {
        id: 'file',
        header: t('images.colFile'),
        accessorFn: (row) => row.file,
        size: 200,
        cell: ({ row }) => (
          <Group gap={8} wrap="nowrap">
            <Image
              src={mediaUrl(row.original.thumbPath)}
              w={32}
              h={32}
              radius="xs"
              fit="cover"
              alt=""
              fallbackSrc=""
            />
            <Text size="sm" truncate>
              {row.original.file}
            </Text>
          </Group>
        )
      },
      {
        id: 'status',
        header: t('images.colStatus'),
        accessorFn: (row) => row.status,
        size: 100,
        cell: ({ row }) => (
          <Badge size="sm" variant="light" color={STATUS_COLOR[row.original.status]}>
            {t(`images.rowStatus.${row.original.status}`)}
            {row.original.cached ? ' ·' : ''}
          </Badge>
        )
      },
      ...schemaColumns(run.schema).map<ColumnDef<ExtractRow>>((name) => ({
        id: `f:${name}`,
        header: name,
        accessorFn: (row) => {
          const value = row.fields?.[name]
          return typeof value === 'number' ? value : valueText(value)
        },
        size: 160,
        cell: ({ row, getValue }) => (
          <Text
            size="sm"
            truncate
            fs={row.original.edited.includes(name) ? 'italic' : undefined}
            c={row.original.edited.includes(name) ? 'blue' : undefined}
          >
            {String(getValue() ?? '')}
          </Text>
        )
      })),
      {
        id: 'cost',
        header: t('images.colCost'),
        accessorFn: (row) => row.costUsd,
        size: 90,
        cell: ({ row }) => (
          <Text size="sm">
            {row.original.cached ? t('images.cachedShort') : formatUsd(row.original.costUsd)}
          </Text>
        )
      }
    ],
    [run.schema, t]
  )
}

/** The run's rows: sort by any column, filter, resize columns; only the rows in view are drawn. */
export function ResultsGrid({ run, onOpen }: { run: RunView; onOpen: (row: ExtractRow) => void }) {
  const { t } = useTranslation()
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const columns = useColumns(run)
  // TanStack Table returns fresh functions each render; fine without the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: run.rows,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    columnResizeMode: 'onChange',
    getRowId: (row) => row.assetId
  })
  const scroller = useRef<HTMLDivElement>(null)
  const rows = table.getRowModel().rows
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The first rows draw before the scroller is measured (and where nothing is measured at all).
    initialRect: { width: 960, height: GRID_HEIGHT }
  })
  const width = table.getTotalSize()
  return (
    <Box>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('images.filterRows')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        mb="xs"
        maw={360}
        data-testid="rows-filter"
      />
      <Box
        ref={scroller}
        className="fw-grid"
        style={{ overflow: 'auto', maxHeight: GRID_HEIGHT }}
        data-testid="results-grid"
        role="table"
        aria-rowcount={rows.length}
      >
        <Box style={{ width, minWidth: '100%' }}>
          {table.getHeaderGroups().map((group) => (
            <Box
              key={group.id}
              className="fw-grid-head"
              role="row"
              style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 1 }}
            >
              {group.headers.map((header) => (
                <Box
                  key={header.id}
                  role="columnheader"
                  className="fw-grid-cell"
                  style={{ width: header.getSize(), position: 'relative' }}
                >
                  <UnstyledButton onClick={header.column.getToggleSortingHandler()} style={{ width: '100%' }}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </Text>
                      {header.column.getIsSorted() === 'asc' && <IconArrowUp size={14} />}
                      {header.column.getIsSorted() === 'desc' && <IconArrowDown size={14} />}
                    </Group>
                  </UnstyledButton>
                  <div
                    className="fw-grid-resizer"
                    onMouseDown={header.getResizeHandler()}
                    onTouchStart={header.getResizeHandler()}
                    role="separator"
                    aria-label={t('images.resizeColumn')}
                  />
                </Box>
              ))}
            </Box>
          ))}
          <Box style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index]!
              return (
                <Box
                  key={row.id}
                  role="row"
                  tabIndex={0}
                  className="fw-grid-row"
                  onClick={() => onOpen(row.original)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(row.original)}
                  data-testid="result-row"
                  data-status={row.original.status}
                  style={{
                    display: 'flex',
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Box
                      key={cell.id}
                      role="cell"
                      className="fw-grid-cell"
                      style={{ width: cell.column.getSize() }}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Box>
                  ))}
                </Box>
              )
            })}
          </Box>
        </Box>
      </Box>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('images.noRows')}
        </Text>
      )}
    </Box>
  )
}
