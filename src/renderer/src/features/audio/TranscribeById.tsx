import { Alert, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorInfo } from '../../api/client'
import { useAsset } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
import { TranscribeWorkspace } from './TranscribeWorkspace'

/** One recording's transcript, once its asset is loaded; images have none. */
export function TranscribeById({ assetId, find }: { assetId: string; find?: string }) {
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
  if (asset.data.kind === 'image') return <Alert color="yellow">{t('audio.notAudio')}</Alert>
  return <TranscribeWorkspace key={assetId} asset={asset.data} find={find} />
}
