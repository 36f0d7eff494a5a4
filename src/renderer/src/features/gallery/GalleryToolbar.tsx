import { Group, SegmentedControl, Select, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface GalleryFilters {
  search: string
  model: string | null
  from: string
  to: string
  favourites: boolean
}

export const NO_FILTERS: GalleryFilters = { search: '', model: null, from: '', to: '', favourites: false }

/** Search by prompt, and filter by model, dates and favourites. */
export function GalleryToolbar({
  filters,
  models,
  onChange
}: {
  filters: GalleryFilters
  models: string[]
  onChange: (filters: GalleryFilters) => void
}) {
  const { t } = useTranslation()
  const set = (patch: Partial<GalleryFilters>) => onChange({ ...filters, ...patch })
  return (
    <Group gap="xs" wrap="wrap" data-testid="gallery-toolbar">
      <TextInput
        leftSection={<IconSearch size={14} />}
        placeholder={t('gallery.search')}
        aria-label={t('gallery.search')}
        value={filters.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        style={{ flex: 1, minWidth: 180 }}
        size="xs"
        data-testid="gallery-search"
      />
      <Select
        placeholder={t('gallery.allModels')}
        aria-label={t('gallery.model')}
        data={models}
        value={filters.model}
        onChange={(value) => set({ model: value })}
        clearable
        w={150}
        size="xs"
        data-testid="gallery-model-filter"
      />
      <TextInput
        type="date"
        aria-label={t('gallery.from')}
        value={filters.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        w={140}
        size="xs"
      />
      <TextInput
        type="date"
        aria-label={t('gallery.to')}
        value={filters.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        w={140}
        size="xs"
      />
      <SegmentedControl
        size="xs"
        value={filters.favourites ? 'favourites' : 'all'}
        onChange={(value) => set({ favourites: value === 'favourites' })}
        data={[
          { value: 'all', label: t('gallery.all') },
          { value: 'favourites', label: t('gallery.favourites') }
        ]}
        data-testid="gallery-favourites"
      />
    </Group>
  )
}
