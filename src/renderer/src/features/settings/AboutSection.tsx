import { Code, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAppInfo } from '../../api/hooks'
import { Section } from './Section'

export function AboutSection() {
  const { t } = useTranslation()
  const { data: info } = useAppInfo()
  return (
    <Section title={t('settings.about')} testId="settings-about">
      <Stack gap={4}>
        <Text size="sm">{t('settings.version', { version: info?.version ?? '…' })}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.dataHint')}
        </Text>
        <Code>{info?.dataDir ?? '…'}</Code>
      </Stack>
    </Section>
  )
}
