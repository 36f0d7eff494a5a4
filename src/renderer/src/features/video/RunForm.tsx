import { Alert, Button, Group, Stack } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconSparkles } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import type { SummaryOptionsInput } from '@shared/domain/video'
import { errorInfo } from '../../api/client'
import { useEstimate, useSummarize } from '../../api/video-hooks'
import { errorText } from '../../i18n/error-text'
import { EstimateLine } from './EstimateLine'
import { SummaryOptionsForm } from './SummaryOptionsForm'

interface Props {
  asset: Asset
  initial: SummaryOptionsInput
  /** Re-running on purpose asks the model again even when the library holds this result. */
  force: boolean
  onStarted?: () => void
}

/** Options, the estimate they imply, and the button that starts (or re-runs) the summary. */
export function RunForm({ asset, initial, force, onStarted }: Props) {
  const { t } = useTranslation()
  const [options, setOptions] = useState<SummaryOptionsInput>(initial)
  const [debounced] = useDebouncedValue(options, 300)
  const estimate = useEstimate(asset.id, debounced, true)
  const summarize = useSummarize(asset.id)
  const hasVideo = asset.kind === 'video'
  const hasAudio = asset.kind === 'audio' || asset.metadata.hasAudio === true
  const start = (): void =>
    summarize.mutate(
      { options, force },
      {
        onSuccess: ({ cached }) => {
          if (cached) notifications.show({ color: 'teal', message: t('video.fromLibrary') })
          onStarted?.()
        }
      }
    )
  const startError = summarize.error ? errorText(t, errorInfo(summarize.error)) : null
  const estimateError = estimate.error ? errorText(t, errorInfo(estimate.error)) : null
  return (
    <Stack gap="md">
      <SummaryOptionsForm value={options} onChange={setOptions} hasAudio={hasAudio} hasVideo={hasVideo} />
      {estimateError ? (
        <Alert color="yellow" title={estimateError.title}>
          {estimateError.detail}
        </Alert>
      ) : (
        <EstimateLine estimate={estimate.data} loading={estimate.isFetching} />
      )}
      {startError && (
        <Alert color="red" title={startError.title}>
          {startError.detail}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          leftSection={<IconSparkles size={16} />}
          onClick={start}
          loading={summarize.isPending}
          data-testid="summarize-start"
        >
          {force ? t('video.runAgain') : t('video.summarize')}
        </Button>
      </Group>
    </Stack>
  )
}
