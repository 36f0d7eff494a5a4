import { Avatar, Group, Text, Tooltip } from '@mantine/core'
import { IconPhoto } from '@tabler/icons-react'
import { useQueries } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { mediaUrl } from '../../api/media-url'
import { queryKeys } from '../../api/query-keys'

const SHOWN = 6

/** How many images the run will read, with the first few as thumbnails. */
export function SelectedImages({ assetIds }: { assetIds: string[] }) {
  const { t } = useTranslation()
  const assets = useQueries({
    queries: assetIds.slice(0, SHOWN).map((id) => ({
      queryKey: queryKeys.asset(id),
      queryFn: () => call('library.get', { id })
    }))
  })
  if (assetIds.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="selected-images">
        {t('images.noneChosen')}
      </Text>
    )
  return (
    <Group gap="sm" wrap="nowrap" data-testid="selected-images">
      <Avatar.Group>
        {assets.map((q, i) => (
          <Tooltip key={assetIds[i]} label={q.data?.name ?? ''}>
            <Avatar src={mediaUrl(q.data?.thumb.path)} radius="sm" size="md">
              <IconPhoto size={16} />
            </Avatar>
          </Tooltip>
        ))}
        {assetIds.length > SHOWN && <Avatar radius="sm">+{assetIds.length - SHOWN}</Avatar>}
      </Avatar.Group>
      <Text size="sm" fw={500}>
        {t('images.chosen', { count: assetIds.length })}
      </Text>
    </Group>
  )
}
