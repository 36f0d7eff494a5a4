import { Stack } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Asset, AssetKind } from '@shared/domain/asset'
import { useLibrary, useSettings } from '../../api/hooks'
import { AssetDrawer } from './AssetDrawer'
import { AssetGrid } from './AssetGrid'
import { ImportDropzone } from './ImportDropzone'
import { LibraryEmpty } from './LibraryEmpty'
import { SelectionBar } from './SelectionBar'
import { LibraryToolbar } from './LibraryToolbar'
import { useImportActions } from './useImportActions'

export function LibraryPage() {
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<AssetKind | undefined>(undefined)
  const [selected, setSelected] = useState<Asset | null>(null)
  const [picked, setPicked] = useState<ReadonlyMap<string, Asset>>(new Map())
  const pick = useCallback(
    (asset: Asset) =>
      setPicked((now) => {
        const next = new Map(now)
        if (!next.delete(asset.id)) next.set(asset.id, asset)
        return next
      }),
    []
  )
  const pickedIds = useMemo(() => new Set(picked.keys()), [picked])
  const [debounced] = useDebouncedValue(search.trim(), 200)
  const searchRef = useRef<HTMLInputElement>(null)
  const importer = useImportActions()
  const library = useLibrary(debounced, kind)
  const { data: settings } = useSettings()
  const items = library.data?.pages.flatMap((page) => page.items) ?? []
  const first = library.data?.pages[0]
  // The words the match hints on the cards highlight.
  const terms = useMemo(() => debounced.split(/\s+/u).filter(Boolean), [debounced])
  useHotkeys([
    ['mod+K', () => searchRef.current?.focus()],
    ['mod+O', importer.pickFiles],
    ['Escape', () => setPicked(new Map())]
  ])
  const filtered = debounced !== '' || kind !== undefined
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <LibraryToolbar
        search={search}
        onSearch={setSearch}
        kind={kind}
        onKind={setKind}
        total={first?.total ?? 0}
        totalIsLowerBound={first?.totalIsLowerBound ?? false}
        searchRef={searchRef}
        importer={importer}
      />
      <SelectionBar picked={[...picked.values()]} onClear={() => setPicked(new Map())} />
      {items.length === 0 && !library.isPending ? (
        <LibraryEmpty filtered={filtered} query={debounced} onImport={importer.pickFiles} />
      ) : (
        <AssetGrid
          items={items}
          highlight={terms}
          size={settings?.libraryGridSize ?? 'medium'}
          hasMore={library.hasNextPage}
          onLoadMore={() => void library.fetchNextPage()}
          onOpen={setSelected}
          picked={pickedIds}
          onPick={pick}
        />
      )}
      <ImportDropzone onDrop={importer.importDropped} />
      <AssetDrawer asset={selected} search={debounced} onClose={() => setSelected(null)} />
      {importer.inputs}
    </Stack>
  )
}
