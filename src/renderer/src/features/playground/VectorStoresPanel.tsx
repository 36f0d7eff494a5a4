import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useVectorStoreActions, useVectorStores } from '../../api/playground-hooks'
import { notifyError } from '../../i18n/notify-error'
import { VectorStoreCard } from './VectorStoreCard'

/** Vector stores for file search: create one, add files, see their status, delete. */
export function VectorStoresPanel() {
  const { t } = useTranslation()
  const stores = useVectorStores()
  const actions = useVectorStoreActions()
  const [name, setName] = useState('')
  const create = () =>
    actions.create.mutate(name.trim(), {
      onSuccess: () => setName(''),
      onError: (error) => notifyError(t, error)
    })
  return (
    <Stack gap="xs" data-testid="vector-stores">
      <Group gap={6} wrap="nowrap">
        <TextInput
          size="xs"
          placeholder={t('playground.stores.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="store-name"
        />
        <Button size="xs" disabled={!name.trim()} loading={actions.create.isPending} onClick={create}>
          {t('playground.stores.create')}
        </Button>
      </Group>
      {(stores.data ?? []).length === 0 && (
        <Text size="xs" c="dimmed">
          {t('playground.stores.none')}
        </Text>
      )}
      {(stores.data ?? []).map((store) => (
        <VectorStoreCard key={store.id} store={store} />
      ))}
    </Stack>
  )
}
