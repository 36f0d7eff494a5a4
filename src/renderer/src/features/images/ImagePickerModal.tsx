import {
  AspectRatio,
  Button,
  Center,
  Checkbox,
  Group,
  Image,
  Loader,
  Modal,
  ScrollArea,
  SimpleGrid,
  Text,
  TextInput,
  UnstyledButton
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPhoto, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLibrary } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'

interface Props {
  opened: boolean
  initial: string[]
  onClose: () => void
  onChoose: (assetIds: string[]) => void
}

/** Library images with checkboxes: pick some, or every result of a search. */
export function ImagePickerModal({ opened, initial, onClose, onChoose }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial))
  const library = useLibrary(debounced, 'image')
  const items = library.data?.pages.flatMap((p) => p.items) ?? []
  const total = library.data?.pages[0]?.total ?? 0
  const toggle = (id: string): void =>
    setChosen((now) => {
      const next = new Set(now)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('images.pickTitle')}
      size="xl"
      data-testid="image-picker"
    >
      <Group gap="xs" mb="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('images.pickSearch')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="picker-search"
        />
        <Button
          variant="default"
          onClick={() => setChosen((now) => new Set([...now, ...items.map((i) => i.id)]))}
          disabled={items.length === 0}
          data-testid="picker-all"
        >
          {t('images.pickAllShown', { count: items.length })}
        </Button>
        <Button variant="subtle" onClick={() => setChosen(new Set())} disabled={chosen.size === 0}>
          {t('images.pickClear')}
        </Button>
      </Group>
      <ScrollArea h={420} onBottomReached={() => library.hasNextPage && void library.fetchNextPage()}>
        {library.isLoading ? (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" mt="xl">
            {t('images.pickNone')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 3, sm: 4, md: 5 }} spacing="xs">
            {items.map((item) => (
              <UnstyledButton
                key={item.id}
                onClick={() => toggle(item.id)}
                aria-pressed={chosen.has(item.id)}
                data-testid="picker-item"
                data-asset-name={item.name}
                style={{ position: 'relative' }}
              >
                <AspectRatio ratio={1}>
                  {item.thumb.path ? (
                    <Image src={mediaUrl(item.thumb.path)} alt="" radius="sm" fit="cover" />
                  ) : (
                    <Center bg="var(--mantine-color-default-hover)">
                      <IconPhoto size={24} />
                    </Center>
                  )}
                </AspectRatio>
                <Checkbox
                  checked={chosen.has(item.id)}
                  readOnly
                  tabIndex={-1}
                  aria-hidden
                  style={{ position: 'absolute', top: 6, left: 6 }}
                />
                <Text size="xs" truncate mt={2}>
                  {item.name}
                </Text>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}
      </ScrollArea>
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed">
          {t('images.pickCount', { count: chosen.size, total })}
        </Text>
        <Button onClick={() => onChoose([...chosen])} disabled={chosen.size === 0} data-testid="picker-done">
          {t('images.pickUse', { count: chosen.size })}
        </Button>
      </Group>
    </Modal>
  )
}
