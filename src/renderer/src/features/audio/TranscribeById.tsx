import { Alert, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAsset } from '../../api/video-hooks'
import { ErrorAlert } from '../../i18n/ErrorAlert'
import { TranscribeWorkspace } from './TranscribeWorkspace'

/** One recording's transcript, once its asset is loaded; images have none. */
export function TranscribeById({ assetId, find }: { assetId: string; find?: string }) {
  const { t } = useTranslation()
  const asset = useAsset(assetId)
  if (asset.isPending) return <Loader m="xl" />
  if (asset.error) return <ErrorAlert error={asset.error} />
  if (asset.data.kind === 'image') return <Alert color="yellow">{t('audio.notAudio')}</Alert>
  return <TranscribeWorkspace key={assetId} asset={asset.data} find={find} />
}
