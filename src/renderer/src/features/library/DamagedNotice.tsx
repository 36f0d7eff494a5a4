import { Alert, Anchor, Code, Collapse, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Asset } from '@shared/domain/asset'
import { errorText } from '../../i18n/error-text'

/** A file that could not be decoded, said once and plainly; what the decoder said is one click away. */
export function DamagedNotice({ problem }: { problem: NonNullable<Asset['problem']> }) {
  const { t } = useTranslation()
  const [open, { toggle }] = useDisclosure(false)
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={errorText(t, problem).title}
      data-testid="asset-damaged"
    >
      <Text size="sm">{t('asset.damagedBody')}</Text>
      <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={open} mt={4}>
        {open ? t('jobs.hideDetails') : t('jobs.details')}
      </Anchor>
      <Collapse expanded={open}>
        <Code block fz="xs" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {problem.code}: {problem.message}
        </Code>
      </Collapse>
    </Alert>
  )
}
