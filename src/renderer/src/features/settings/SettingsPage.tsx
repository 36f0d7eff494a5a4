import { ScrollArea, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AboutSection } from './AboutSection'
import { AppearanceSection } from './AppearanceSection'
import { MediaToolsSection } from './MediaToolsSection'
import { ProvidersSection } from '../providers/ProvidersSection'

export default function SettingsPage() {
  const { t } = useTranslation()
  return (
    <ScrollArea style={{ flex: 1 }} data-testid="settings-page">
      <Stack gap="lg" maw={820}>
        <Title order={2}>{t('settings.title')}</Title>
        <AppearanceSection />
        <ProvidersSection />
        <MediaToolsSection />
        <AboutSection />
      </Stack>
    </ScrollArea>
  )
}
