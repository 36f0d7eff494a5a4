import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useVectorStoreActions, useVectorStores } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'

/** Vector stores for file search: create, add files (a path on the core's disk), list with status, delete. */
export function VectorStoresPanel() {
  const { t } = useTranslation()
  const stores = useVectorStores()
  const actions = useVectorStoreActions()
  const [name, setName] = useState('')
  const [paths, setPaths] = useState<Record<string, string>>({})
  const onError = (error: unknown) => notifyError(t, error)
  return (
    <Stack gap="xs" data-testid="vector-stores">
      <Group gap={6} wrap="nowrap">
        <TextInput
          size="xs"
          placeholder={t('playground.stores.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          disabled={!name.trim()}
          loading={actions.create.isPending}
          onClick={() => actions.create.mutate(name.trim(), { onSuccess: () => setName(''), onError })}
        >
          {t('playground.stores.create')}
        </Button>
      </Group>
      {(stores.data ?? []).length === 0 && (
        <Text size="xs" c="dimmed">
          {t('playground.stores.none')}
        </Text>
      )}
      {(stores.data ?? []).map((store) => (
        <Paper key={store.id} withBorder p="xs" radius="sm" data-testid="vector-store">
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
            <TextInput
              size="xs"
              placeholder={t('playground.stores.addPath')}
              value={paths[store.id] ?? ''}
              onChange={(e) => setPaths({ ...paths, [store.id]: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!paths[store.id]?.trim()}
              onClick={() =>
                actions.add.mutate(
                  { id: store.id, paths: [paths[store.id]!.trim()] },
                  { onSuccess: () => setPaths({ ...paths, [store.id]: '' }), onError }
                )
              }
            >
              {t('playground.stores.add')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}
