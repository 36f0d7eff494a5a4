import { Button, Center, Image, Modal, ScrollArea, SimpleGrid, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLibrary } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'
import { fromAsset, type Attachment } from './attachments'

/** Library images to attach; a click adds one, Done closes. */
export function LibraryImagePicker({
  opened,
  onClose,
  onPick
}: {
  opened: boolean
  onClose: () => void
  onPick: (attachment: Attachment) => void
}) {
  const { t } = useTranslation()
  const library = useLibrary('', 'image')
  const items = library.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <Modal opened={opened} onClose={onClose} title={t('playground.composer.pickImage')} size="lg">
      <ScrollArea.Autosize mah="60vh">
        {items.length === 0 ? (
          <Center p="lg">
            <Text c="dimmed">{t('playground.composer.noImages')}</Text>
          </Center>
        ) : (
          <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs">
            {items.map((asset) => (
              <UnstyledButton
                key={asset.id}
                onClick={() => onPick(fromAsset(asset))}
                data-testid="pick-image"
                title={asset.name}
              >
                <Image
                  src={mediaUrl(asset.thumb.path ?? asset.path)}
                  h={96}
                  fit="cover"
                  radius="sm"
                  alt={asset.name}
                />
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}
      </ScrollArea.Autosize>
      <Button mt="md" onClick={onClose} fullWidth variant="default">
        {t('playground.composer.done')}
      </Button>
    </Modal>
  )
}
