import { ActionIcon, Badge, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VectorStoreView } from '@shared/domain/playground'
import { useLibrary } from '../../api/hooks'
import { useVectorStoreActions } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'

/** One store: its files with their indexing status; add a library item or a file on disk. */
export function VectorStoreCard({ store }: { store: VectorStoreView }) {
  const { t } = useTranslation()
  const actions = useVectorStoreActions()
  const library = useLibrary('', undefined)
  const [path, setPath] = useState('')
  const [assetId, setAssetId] = useState<string | null>(null)
  const onError = (error: unknown) => notifyError(t, error)
  const items = (library.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({
    value: a.id,
    label: a.name
  }))
  const add = (input: { assetIds?: string[]; paths?: string[] }, done: () => void) =>
    actions.add.mutate({ id: store.id, ...input }, { onSuccess: done, onError })
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="vector-store">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {store.name}
        </Text>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="red"
          aria-label={t('playground.stores.delete')}
          onClick={() => actions.remove.mutate(store.id, { onError })}
        >
          <IconTrash size={14} />
        </ActionIcon>
      </Group>
      {store.files.map((f) => (
        <Group key={f.fileId} gap={6}>
          <Text size="xs">{f.name}</Text>
          <Badge size="xs" variant="light">
            {f.status}
          </Badge>
        </Group>
      ))}
      <Group gap={4} mt={4} wrap="nowrap">
        <Select
          size="xs"
          searchable
          placeholder={t('playground.stores.addFiles')}
          data={items}
          value={assetId}
          onChange={setAssetId}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!assetId}
          onClick={() => add({ assetIds: [assetId!] }, () => setAssetId(null))}
        >
          {t('playground.stores.add')}
        </Button>
      </Group>
      <Group gap={4} mt={4} wrap="nowrap">
        <TextInput
          size="xs"
          placeholder={t('playground.stores.addPath')}
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!path.trim()}
          onClick={() => add({ paths: [path.trim()] }, () => setPath(''))}
        >
          {t('playground.stores.add')}
        </Button>
      </Group>
    </Paper>
  )
}
