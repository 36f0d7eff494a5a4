import { Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconMovie } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { formatDuration } from '@shared/format'
import { useLibrary } from '../../api/hooks'
import { mediaUrl } from '../../api/media-url'

interface Props {
  /** The page's title and subtitle; null when the page shows its own. */
  heading?: { title: string; subtitle: string } | null
  href?: (assetId: string) => string
  empty?: string
  testId?: string
}

/** A page without a recording yet: pick one of the library's videos or audio files. */
export function VideoChooser({
  heading,
  href = (id) => `/video/${id}`,
  empty,
  testId = 'video-choice'
}: Props) {
  const { t } = useTranslation()
  const head = heading === undefined ? { title: t('video.title'), subtitle: t('video.subtitle') } : heading
  const videos = useLibrary('', 'video')
  const audio = useLibrary('', 'audio')
  const items = [
    ...(videos.data?.pages.flatMap((p) => p.items) ?? []),
    ...(audio.data?.pages.flatMap((p) => p.items) ?? [])
  ]
  return (
    <Stack gap="lg" data-testid={heading === undefined ? 'page-video' : undefined}>
      {head && (
        <div>
          <Title order={2}>{head.title}</Title>
          <Text size="sm" c="dimmed">
            {head.subtitle}
          </Text>
        </div>
      )}
      {items.length === 0 && !videos.isPending && (
        <Card withBorder radius="lg" p="xl">
          <Group gap="md" wrap="nowrap">
            <IconMovie size={36} stroke={1.4} />
            <div>
              <Text fw={600}>{empty ?? t('video.noVideos')}</Text>
              <Text size="sm" c="dimmed">
                {t('video.noVideosHint')} <Link href="/library">{t('nav.library')}</Link>
              </Text>
            </div>
          </Group>
        </Card>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {items.map((asset) => (
          <Link key={asset.id} href={href(asset.id)} className="fw-plain-link" data-testid={testId}>
            <Card withBorder radius="lg" padding="xs" className="fw-card">
              <Card.Section>
                <Image src={mediaUrl(asset.thumb.path)} alt="" h={120} fit="cover" fallbackSrc="" />
              </Card.Section>
              <Text size="sm" fw={600} mt="xs" truncate="end" title={asset.name}>
                {asset.name}
              </Text>
              <Group gap={6}>
                <Badge size="xs" variant="light">
                  {t(`library.kind.${asset.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDuration(asset.durationS)}
                </Text>
              </Group>
            </Card>
          </Link>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
