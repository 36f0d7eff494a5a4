import { Alert, Loader, Stack, Title } from '@mantine/core'
import { DamagedNotice } from '../library/DamagedNotice'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { useAsset } from '../../api/video-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'
import { VideoChooser } from './VideoChooser'
import { VideoWorkspace } from './VideoWorkspace'

/** /video lists the library's videos; /video/:assetId opens one. */
export default function VideoPage() {
  const { assetId } = useParams<{ assetId?: string }>()
  return assetId ? <VideoById assetId={assetId} /> : <VideoChooser />
}

function VideoById({ assetId }: { assetId: string }) {
  const { t } = useTranslation()
  const asset = useAsset(assetId)
  if (asset.isPending) return <Loader m="xl" />
  if (asset.error) return <ErrorAlert error={asset.error} />
  if (asset.data.kind === 'image') return <Alert color="yellow">{t('video.notVideo')}</Alert>
  // A file that cannot be decoded offers nothing that cannot work: no player, no summary, no estimate.
  if (asset.data.problem)
    return (
      <Stack gap="md" maw={760} data-testid="page-video-damaged">
        <Title order={3}>{asset.data.name}</Title>
        <DamagedNotice problem={asset.data.problem} />
      </Stack>
    )
  return <VideoWorkspace key={assetId} asset={asset.data} />
}
