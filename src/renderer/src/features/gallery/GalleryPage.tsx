import { Box, Button, Center, Drawer, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'wouter'
import type { GalleryItem } from '@shared/domain/gallery'
import { call } from '../../api/client'
import { useDeleteImages, useGallery } from '../../api/gallery-hooks'
import { notifyError } from '../../i18n/notify-error'
import { DetailPanel } from './DetailPanel'
import { EditDialog, type EditTarget } from './EditDialog'
import { GalleryGrid } from './GalleryGrid'
import { GalleryToolbar, NO_FILTERS, type GalleryFilters } from './GalleryToolbar'
import { choiceFromItem, DEFAULT_CHOICE, type ImageChoice } from './image-choice'
import { PromptBar } from './PromptBar'
import { RunStrip, type StartedRun } from './RunStrip'

/** /gallery[/:assetId]: the prompt bar, the images newest first, one image's details; /gallery/edit/:assetId edits any library image. */
export default function GalleryPage() {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const { first, second } = useParams<{ first?: string; second?: string }>()
  const editing = first === 'edit' ? (second ?? null) : null
  const selected = first && first !== 'edit' ? first : null
  const wide = useMediaQuery('(min-width: 1200px)', true)
  const [choice, setChoice] = useState<ImageChoice>(DEFAULT_CHOICE)
  const [runs, setRuns] = useState<StartedRun[]>([])
  const [filters, setFilters] = useState<GalleryFilters>(NO_FILTERS)
  const [doomed, setDoomed] = useState<string | null>(null)
  const [editTarget, setEditTarget] = useState<EditTarget | null>(null)
  const [search] = useDebouncedValue(filters.search.trim(), 200)
  const gallery = useGallery({
    search: search || undefined,
    model: filters.model ?? undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    favourites: filters.favourites
  })
  const items = gallery.data?.pages.flatMap((p) => p.items) ?? []
  const models = gallery.data?.pages[0]?.models ?? []
  const remove = useDeleteImages()
  const photo = useEditSource(editing)
  const target = editTarget ?? photo

  const select = useCallback((assetId: string) => navigate(`/gallery/${assetId}`), [navigate])
  const dismiss = useCallback((runId: string) => setRuns((all) => all.filter((r) => r.runId !== runId)), [])
  const started = (run: StartedRun) => setRuns((all) => [run, ...all])
  const remix = (item: GalleryItem) => {
    setChoice(choiceFromItem(item))
    document.querySelector<HTMLTextAreaElement>('[data-testid="gallery-prompt"]')?.focus()
  }
  const confirmDelete = () => {
    if (!doomed) return
    const index = items.findIndex((i) => i.assetId === doomed)
    const next = items[index + 1] ?? items[index - 1]
    // Away from the image first, so nothing asks for it once it is gone.
    navigate(next ? `/gallery/${next.assetId}` : '/gallery')
    remove.mutate([doomed], { onError: (error) => notifyError(t, error) })
    setDoomed(null)
  }
  const closeEditor = () => {
    setEditTarget(null)
    if (editing) navigate('/gallery')
  }
  const filtered =
    search !== '' || filters.model !== null || filters.from !== '' || filters.to !== '' || filters.favourites
  const detail = selected && (
    <DetailPanel
      assetId={selected}
      onClose={() => navigate('/gallery')}
      onSelect={select}
      onRemix={remix}
      onEdit={(item) => setEditTarget(item)}
      onDelete={setDoomed}
    />
  )
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="page-gallery">
      <div>
        <Title order={2}>{t('gallery.title')}</Title>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('gallery.subtitle')}
        </Text>
      </div>
      <PromptBar choice={choice} onChange={setChoice} onStarted={started} />
      <RunStrip runs={runs} onDismiss={dismiss} />
      <GalleryToolbar filters={filters} models={models} onChange={setFilters} />
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        {items.length === 0 && !gallery.isPending ? (
          <Center style={{ flex: 1 }} data-testid="gallery-empty">
            <Text c="dimmed">{filtered ? t('gallery.noMatch') : t('gallery.empty')}</Text>
          </Center>
        ) : (
          <GalleryGrid
            items={items}
            selected={selected}
            hasMore={gallery.hasNextPage}
            onLoadMore={() => void gallery.fetchNextPage()}
            onSelect={select}
            onOpen={select}
            onDelete={setDoomed}
            onClose={() => navigate('/gallery')}
          />
        )}
        {wide && detail && (
          <Box w={380} style={{ flexShrink: 0, minHeight: 0 }}>
            {detail}
          </Box>
        )}
      </Group>
      {!wide && (
        <Drawer
          opened={Boolean(detail)}
          onClose={() => navigate('/gallery')}
          position="right"
          size={400}
          withCloseButton={false}
        >
          {detail}
        </Drawer>
      )}
      <Modal
        opened={doomed !== null}
        onClose={() => setDoomed(null)}
        title={t('gallery.confirmDelete.title')}
        centered
        zIndex={400}
      >
        <Text size="sm">{t('gallery.confirmDelete.body')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDoomed(null)}>
            {t('gallery.confirmDelete.cancel')}
          </Button>
          <Button color="red" onClick={confirmDelete} data-autofocus data-testid="confirm-delete">
            {t('gallery.confirmDelete.confirm')}
          </Button>
        </Group>
      </Modal>
      {target && <EditDialog target={target} onClose={closeEditor} onStarted={started} />}
    </Stack>
  )
}

/** A library image (a photo, say) opened for editing by its id. */
function useEditSource(assetId: string | null): EditTarget | null {
  const asset = useQuery({
    queryKey: ['library', 'asset', assetId ?? ''],
    queryFn: () => call('library.get', { id: assetId as string }),
    enabled: assetId !== null
  })
  const data = asset.data
  if (!assetId || !data || data.kind !== 'image' || !data.width || !data.height) return null
  return { assetId: data.id, path: data.path, width: data.width, height: data.height }
}
