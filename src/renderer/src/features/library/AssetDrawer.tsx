import { Button, Drawer, Group, Image, Modal, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconEdit, IconMicrophone, IconMovie, IconSearch, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Asset, LibraryItem } from '@shared/domain/asset'
import { useDeleteAssets } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'
import { notifyError } from '../../i18n/notify-error'
import { DamagedNotice } from './DamagedNotice'
import { AssetProperties } from './AssetProperties'

interface Props {
  asset: Asset | null
  /** The Library search that found it: a match in its transcript links to the moment it is said. */
  search?: string
  onClose: () => void
}

export function AssetDrawer({ asset, search, onClose }: Props) {
  const { t } = useTranslation()
  const [confirming, confirm] = useDisclosure(false)
  const remove = useDeleteAssets()
  const doDelete = (): void => {
    if (!asset) return
    remove.mutate([asset.id], {
      onSuccess: ({ deleted }) => {
        notifications.show({ color: 'teal', message: t('library.deleted', { count: deleted }) })
        confirm.close()
        onClose()
      },
      onError: (error) => notifyError(t, error)
    })
  }
  return (
    <Drawer
      opened={asset !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Title order={4}>{t('asset.details')}</Title>}
      data-testid="asset-drawer"
    >
      {asset && (
        <Stack gap="md">
          <Preview asset={asset} />
          <Text fw={600} size="lg" style={{ wordBreak: 'break-word' }} data-testid="asset-drawer-name">
            {asset.name}
          </Text>
          {asset.problem && <DamagedNotice problem={asset.problem} />}
          {/* Actions first: the properties table can be long. */}
          <Group justify="flex-start" gap="xs">
            {asset.kind !== 'image' && !asset.problem && (
              <Button
                component={Link}
                href={`/video/${asset.id}`}
                leftSection={<IconMovie size={16} />}
                data-testid="asset-open-video"
              >
                {t('asset.openInVideo')}
              </Button>
            )}
            {asset.kind !== 'image' && asset.metadata.hasAudio !== false && !asset.problem && (
              <Button
                component={Link}
                href={`/audio/${asset.id}`}
                variant="light"
                leftSection={<IconMicrophone size={16} />}
                data-testid="asset-transcribe"
              >
                {t('audio.transcribe')}
              </Button>
            )}
            {asset.kind !== 'image' && search && matchedText(asset) && (
              <Button
                component={Link}
                href={`/audio/${asset.id}/${encodeURIComponent(search)}`}
                variant="light"
                leftSection={<IconSearch size={16} />}
                data-testid="asset-find-moment"
              >
                {t('audio.findMoment', { query: search })}
              </Button>
            )}
            {asset.kind === 'image' && !asset.problem && (
              <Button
                component={Link}
                href={`/gallery/edit/${asset.id}`}
                variant="light"
                leftSection={<IconEdit size={16} />}
                data-testid="asset-edit-image"
              >
                {t('gallery.actions.edit')}
              </Button>
            )}
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} />}
              onClick={confirm.open}
              data-testid="asset-delete"
            >
              {t('common.delete')}
            </Button>
          </Group>
          <AssetProperties asset={asset} />
        </Stack>
      )}
      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t('asset.deleteTitle', { name: asset?.name ?? '' })}
        centered
      >
        <Text size="sm">{t('asset.deleteBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={doDelete}
            data-testid="asset-delete-confirm"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </Drawer>
  )
}

function Preview({ asset }: { asset: Asset }) {
  const src = mediaUrl(asset.path)
  if (asset.kind === 'video') {
    return (
      <video
        src={src}
        controls
        preload="metadata"
        poster={mediaUrl(asset.thumb.path)}
        style={{ width: '100%', borderRadius: 8, background: 'black', maxHeight: 360 }}
      />
    )
  }
  if (asset.kind === 'audio') {
    return (
      <Stack gap="xs">
        {asset.thumb.path && <Image src={mediaUrl(asset.thumb.path)} alt="" radius="md" />}
        <audio src={src} controls preload="metadata" style={{ width: '100%' }} />
      </Stack>
    )
  }
  return <Image src={src} alt={asset.name} radius="md" fit="contain" mah={420} className="fw-thumb-checker" />
}

/** Whether a search found this asset by its text (a transcript, say), not by its name or details. */
function matchedText(asset: Asset | LibraryItem): boolean {
  return 'match' in asset && asset.match?.field === 'text'
}
