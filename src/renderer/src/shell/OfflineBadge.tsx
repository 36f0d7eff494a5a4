import { Badge, Tooltip } from '@mantine/core'
import { IconWifiOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, subscribe } from '../api/client'

/** Shown while jobs wait for an unreachable provider: “offline”, not an error. */
export function OfflineBadge() {
  const { t } = useTranslation()
  const [online, setOnline] = useState<boolean | null>(null)
  useEffect(() => {
    let active = true
    void call('providers.status', {}).then(
      (s) => active && setOnline(s.online),
      () => undefined
    )
    const off = subscribe('providers.status', (s) => setOnline(s.online))
    return () => {
      active = false
      off()
    }
  }, [])
  if (online !== false) return null
  return (
    <Tooltip label={t('providers.offline')}>
      <Badge
        color="yellow"
        variant="light"
        leftSection={<IconWifiOff size={12} />}
        data-testid="offline-badge"
      >
        {t('providers.offline')}
      </Badge>
    </Tooltip>
  )
}
