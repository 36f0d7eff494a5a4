import { Grid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearch } from 'wouter'
import { RunComposer } from './RunComposer'
import { RunResults } from './RunResults'
import { RunsList } from './RunsList'
import { useImagesEvents } from './useImagesEvents'

/** /images: choose images and an extractor, see the estimate, run; /images/:runId: the run's rows. */
export default function ImagesPage() {
  const { t } = useTranslation()
  const { runId } = useParams<{ runId?: string }>()
  const search = new URLSearchParams(useSearch())
  const preselected = (search.get('assets') ?? '').split(',').filter(Boolean)
  useImagesEvents()
  return (
    <Stack gap="md" data-testid="page-images" style={{ minHeight: 0 }}>
      <div>
        <Title order={2}>{t('images.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('images.subtitle')}
        </Text>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }} order={{ base: 1, lg: 2 }}>
          {runId ? <RunResults runId={runId} /> : <RunComposer initialAssetIds={preselected} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }} order={{ base: 2, lg: 1 }}>
          <RunsList selected={runId} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
