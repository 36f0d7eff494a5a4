import { Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconPhotoPlus, IconPlayerPlay, IconStack2 } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { ImageDetail, RunChoice } from '@shared/domain/extract'
import { useProviders } from '../../api/ai-hooks'
import { useExtractors, useStartRun } from '../../api/images-hooks'
import { notifyError } from '../../i18n/notify-error'
import { ModelPicker } from '../providers/ModelPicker'
import { EstimateCard } from './EstimateCard'
import { ExtractorPicker } from './ExtractorPicker'
import { ImagePickerModal } from './ImagePickerModal'
import { SelectedImages } from './SelectedImages'

/** A new run: images, extractor, model and detail, the estimate, then now or as a Batch. */
export function RunComposer({ initialAssetIds }: { initialAssetIds: string[] }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [assetIds, setAssetIds] = useState<string[]>(initialAssetIds)
  const [picking, setPicking] = useState(false)
  const [extractorId, setExtractorId] = useState('builtin:caption')
  const [model, setModel] = useState<string | undefined>()
  const [detail, setDetail] = useState<ImageDetail | 'extractor'>('extractor')
  const [force, setForce] = useState(false)
  const { data: providers = [] } = useProviders()
  const provider = providers.find((p) => p.isDefault) ?? providers[0]
  const { data: extractors = [] } = useExtractors()
  const extractor = extractors.find((e) => e.id === extractorId)
  const start = useStartRun()
  const choice = useMemo<RunChoice | null>(
    () =>
      assetIds.length === 0
        ? null
        : {
            assetIds,
            extractor: { extractorId },
            model,
            detail: detail === 'extractor' ? undefined : detail
          },
    [assetIds, extractorId, model, detail]
  )
  const run = (batch: boolean): void => {
    if (!choice) return
    start.mutate(
      { ...choice, force, batch },
      { onSuccess: ({ runId }) => navigate(`/images/${runId}`), onError: (error) => notifyError(t, error) }
    )
  }
  return (
    <Paper withBorder p="md" data-testid="run-composer">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SelectedImages assetIds={assetIds} />
          <Button
            variant="light"
            leftSection={<IconPhotoPlus size={16} />}
            onClick={() => setPicking(true)}
            data-testid="choose-images"
          >
            {assetIds.length ? t('images.changeImages') : t('images.chooseImages')}
          </Button>
        </Group>
        <ExtractorPicker value={extractorId} onChange={setExtractorId} />
        <Group grow align="flex-end" wrap="wrap" gap="sm">
          <ModelPicker
            label={t('images.model')}
            value={model}
            onChange={setModel}
            provider={provider}
            purpose="vision"
            placeholder={extractor?.model ?? provider?.defaultModels.vision ?? 'gpt-4o-mini'}
            suggested={['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-5-mini']}
            testId="extract-model"
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('images.detail')}
            </Text>
            <SegmentedControl
              fullWidth
              value={detail}
              onChange={(v) => setDetail(v as ImageDetail | 'extractor')}
              data={[
                {
                  value: 'extractor',
                  label: t('images.detailOfExtractor', {
                    detail: t(`images.details.${extractor?.detail ?? 'auto'}`)
                  })
                },
                ...(['low', 'high', 'auto'] as const).map((d) => ({
                  value: d,
                  label: t(`images.details.${d}`)
                }))
              ]}
              data-testid="extract-detail"
            />
          </div>
        </Group>
        <EstimateCard choice={choice} force={force} />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Checkbox
            label={t('images.force')}
            checked={force}
            onChange={(e) => setForce(e.currentTarget.checked)}
          />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconStack2 size={16} />}
              onClick={() => run(true)}
              disabled={!choice}
              loading={start.isPending}
              data-testid="run-batch"
            >
              {t('images.runBatch')}
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => run(false)}
              disabled={!choice}
              loading={start.isPending}
              data-testid="run-now"
            >
              {t('images.runNow')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <ImagePickerModal
        key={picking ? 'open' : 'closed'}
        opened={picking}
        initial={assetIds}
        onClose={() => setPicking(false)}
        onChoose={(ids) => {
          setAssetIds(ids)
          setPicking(false)
        }}
      />
    </Paper>
  )
}
