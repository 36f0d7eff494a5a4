import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RunStatus } from '@shared/domain/extract'

const COLOR: Record<RunStatus, string> = {
  running: 'blue',
  waiting: 'yellow',
  complete: 'teal',
  failed: 'red',
  cancelled: 'gray'
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="run-status">
      {t(`images.status.${status}`)}
    </Badge>
  )
}
