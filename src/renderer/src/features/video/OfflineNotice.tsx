import { Alert, Button, Group, Text } from '@mantine/core'
import { IconPlugConnectedX, IconRefresh, IconSettings } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Provider } from '@shared/domain/provider'
import { useProviders } from '../../api/ai-hooks'
import { useJobActions } from '../../api/job-hooks'

/** The provider the job talks to: the one it was started with, else the default one. */
function providerFor(providers: Provider[] | undefined, id: string | null | undefined): Provider | undefined {
  return providers?.find((p) => p.id === id) ?? providers?.find((p) => p.isDefault) ?? providers?.[0]
}

/** A job parked because its provider cannot be reached: which one, where, and what the user can do. */
export function OfflineNotice({ jobId, providerId }: { jobId: string; providerId?: string | null }) {
  const { t } = useTranslation()
  const { data: providers } = useProviders()
  const { retry } = useJobActions()
  const provider = providerFor(providers, providerId)
  return (
    <Alert color="yellow" icon={<IconPlugConnectedX size={18} />} data-testid="offline-notice">
      <Text size="sm" fw={600}>
        {provider
          ? t('video.progress.offlineNamed', { name: provider.name, url: provider.baseURL })
          : t('video.progress.offlineUnnamed')}
      </Text>
      <Text size="sm">{t('video.progress.offlineKept')}</Text>
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant="light"
          color="yellow"
          leftSection={<IconRefresh size={14} />}
          loading={retry.isPending}
          onClick={() => retry.mutate(jobId)}
          data-testid="offline-retry"
        >
          {t('video.progress.retryNow')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          component={Link}
          href="/settings"
          leftSection={<IconSettings size={14} />}
          data-testid="offline-other-provider"
        >
          {t('video.progress.otherProvider')}
        </Button>
      </Group>
    </Alert>
  )
}
