import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Language, ThemeMode } from '@shared/domain/settings'
import { useSettings, useUpdateSettings } from '../../api/hooks'
import { LANGUAGES } from '../../i18n'
import { Section } from './Section'

export function AppearanceSection() {
  const { t } = useTranslation()
  const { data: settings } = useSettings()
  const update = useUpdateSettings()
  if (!settings) return null
  return (
    <Section title={t('settings.appearance')} testId="settings-appearance">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            value={settings.theme}
            onChange={(value) => update.mutate({ theme: value as ThemeMode })}
            data={(['light', 'dark', 'auto'] as const).map((value) => ({
              value,
              label: t(`settings.themes.${value}`)
            }))}
            data-testid="settings-theme"
          />
        </Stack>
        <Select
          label={t('settings.language')}
          description={t('settings.languageHint')}
          value={settings.language}
          onChange={(value) => value && update.mutate({ language: value as Language })}
          data={LANGUAGES}
          allowDeselect={false}
          w={220}
          data-testid="settings-language"
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
    </Section>
  )
}
