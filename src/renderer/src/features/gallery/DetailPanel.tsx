import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Image,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  Tooltip
} from '@mantine/core'
import {
  IconDownload,
  IconEdit,
  IconFlask,
  IconPhoto,
  IconRefresh,
  IconStar,
  IconStarFilled,
  IconTrash,
  IconX
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { GalleryItem } from '@shared/domain/gallery'
import { formatUsd } from '@shared/format'
import { useFavourite, useGalleryDetail } from '../../api/gallery-hooks'
import { mediaUrl } from '../../api/media-url'
import { ErrorAlert } from '../../i18n/ErrorAlert'
import { notifyError } from '../../i18n/notify-error'
import { LineagePanel } from './LineagePanel'

interface Props {
  assetId: string
  onClose: () => void
  onSelect: (assetId: string) => void
  onRemix: (item: GalleryItem) => void
  onEdit: (item: GalleryItem) => void
  onDelete: (assetId: string) => void
}

/** One image: the picture, its prompt and every parameter, usage and cost, lineage, and what to do with it. */
export function DetailPanel({ assetId, onClose, onSelect, onRemix, onEdit, onDelete }: Props) {
  const { t } = useTranslation()
  const detail = useGalleryDetail(assetId)
  if (detail.isPending) return <Loader m="md" />
  if (detail.error) return <ErrorAlert error={detail.error} />
  const { item } = detail.data
  return (
    <ScrollArea h="100%" type="auto" data-testid="gallery-detail">
      <Stack gap="sm" pr="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t('gallery.detail.title')}</Title>
          <ActionIcon variant="subtle" onClick={onClose} aria-label={t('gallery.detail.close')}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
        <Image
          src={mediaUrl(item.path)}
          alt={item.prompt}
          fit="contain"
          mah={320}
          radius="sm"
          className="fw-thumb-checker"
          data-testid="detail-image"
        />
        <Actions item={item} onRemix={onRemix} onEdit={onEdit} onDelete={onDelete} />
        <Text size="sm" fw={600}>
          {t('gallery.detail.prompt')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-prompt">
          {item.prompt || '—'}
        </Text>
        {item.revisedPrompt && (
          <>
            <Text size="sm" fw={600}>
              {t('gallery.detail.revisedPrompt')}
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-revised">
              {item.revisedPrompt}
            </Text>
          </>
        )}
        <Facts item={item} />
        <LineagePanel detail={detail.data} onSelect={onSelect} />
      </Stack>
    </ScrollArea>
  )
}

function Actions({
  item,
  onRemix,
  onEdit,
  onDelete
}: {
  item: GalleryItem
  onRemix: (item: GalleryItem) => void
  onEdit: (item: GalleryItem) => void
  onDelete: (assetId: string) => void
}) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const favourite = useFavourite()
  const toggle = () =>
    favourite.mutate(
      { assetId: item.assetId, favourite: !item.favourite },
      { onError: (error) => notifyError(t, error) }
    )
  return (
    <Group gap={6} wrap="wrap">
      <Tooltip label={item.favourite ? t('gallery.actions.unfavourite') : t('gallery.actions.favourite')}>
        <ActionIcon
          variant={item.favourite ? 'filled' : 'default'}
          color="yellow"
          onClick={toggle}
          aria-label={t('gallery.actions.favourite')}
          aria-pressed={item.favourite}
          data-testid="action-favourite"
        >
          {item.favourite ? <IconStarFilled size={16} /> : <IconStar size={16} />}
        </ActionIcon>
      </Tooltip>
      <CopyButton value={item.prompt}>
        {({ copied, copy }) => (
          <Button size="compact-sm" variant="default" onClick={copy} data-testid="action-copy">
            {copied ? t('gallery.actions.copied') : t('gallery.actions.copyPrompt')}
          </Button>
        )}
      </CopyButton>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconRefresh size={14} />}
        onClick={() => onRemix(item)}
        data-testid="action-remix"
      >
        {t('gallery.actions.remix')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconEdit size={14} />}
        onClick={() => onEdit(item)}
        data-testid="action-edit"
      >
        {t('gallery.actions.edit')}
      </Button>
      <SendTo
        label={t('gallery.actions.playground')}
        testId="action-playground"
        onClick={() => navigate(`/playground/image/${item.assetId}`)}
        icon={<IconFlask size={16} />}
      />
      <SendTo
        label={t('gallery.actions.images')}
        testId="action-images"
        onClick={() => navigate(`/images?assets=${item.assetId}`)}
        icon={<IconPhoto size={16} />}
      />
      <Tooltip label={t('gallery.actions.download')}>
        <ActionIcon
          component="a"
          variant="default"
          href={mediaUrl(item.path)}
          download={item.name}
          aria-label={t('gallery.actions.download')}
          data-testid="action-download"
        >
          <IconDownload size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('gallery.actions.delete')}>
        <ActionIcon
          variant="default"
          color="red"
          onClick={() => onDelete(item.assetId)}
          aria-label={t('gallery.actions.delete')}
          data-testid="action-delete"
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}

/** Opens the image on another page. */
function SendTo({
  label,
  testId,
  onClick,
  icon
}: {
  label: string
  testId: string
  onClick: () => void
  icon: ReactNode
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" onClick={onClick} aria-label={label} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}

function Facts({ item }: { item: GalleryItem }) {
  const { t, i18n } = useTranslation()
  // Streaming previews change nothing in the image; 0 is "none".
  const params = Object.entries(item.params).filter(([key, value]) => key !== 'partialImages' || value !== 0)
  const rows: [string, string][] = [
    [t('gallery.detail.model'), item.model],
    [t('gallery.detail.operation'), t(`gallery.operations.${item.operation}`)],
    [t('gallery.detail.result'), `${item.width}×${item.height} ${item.format.toUpperCase()}`],
    ...params.map(([key, value]): [string, string] => [
      t(`gallery.params.${key}`, { defaultValue: key }),
      typeof value === 'string' ? t(`gallery.values.${value}`, { defaultValue: value }) : String(value)
    ]),
    [
      t('gallery.detail.usage'),
      item.usage.inputTokens || item.usage.outputTokens
        ? t('gallery.detail.tokens', {
            input: item.usage.inputTokens.toLocaleString(i18n.language),
            output: item.usage.outputTokens.toLocaleString(i18n.language)
          })
        : `${item.usage.images} × image`
    ],
    [t('gallery.detail.cost'), formatUsd(item.costUsd)],
    [t('gallery.detail.created'), new Date(item.createdAt).toLocaleString(i18n.language)],
    ...(item.responseId ? [[t('gallery.detail.responseId'), item.responseId] as [string, string]] : [])
  ]
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('gallery.detail.parameters')}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="xs" data-testid="detail-params">
        <Table.Tbody>
          {rows.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Td c="dimmed" w="40%">
                {key}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {item.maskPath && (
        <Group gap="xs">
          <Badge variant="light" size="sm">
            {t('gallery.detail.mask')}
          </Badge>
          <Anchor href={mediaUrl(item.maskPath)} target="_blank" size="xs">
            mask.png
          </Anchor>
        </Group>
      )}
    </Stack>
  )
}
