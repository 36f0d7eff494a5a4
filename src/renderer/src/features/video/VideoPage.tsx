import { Alert, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { errorInfo } from '../../api/client'
import { useAsset } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
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
  if (asset.error) {
    const text = errorText(t, errorInfo(asset.error))
    return (
      <Alert color="red" title={text.title}>
        {text.detail}
      </Alert>
    )
  }
  return asset.data.kind === 'image' ? (
    <Alert color="yellow">{t('video.notVideo')}</Alert>
  ) : (
    <VideoWorkspace key={assetId} asset={asset.data} />
  )
}
