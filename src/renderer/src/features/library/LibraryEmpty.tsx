import { Button, Center, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconFileImport, IconSearchOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function LibraryEmpty({
  filtered,
  query,
  onImport
}: {
  filtered: boolean
  query: string
  onImport: () => void
}) {
  const { t } = useTranslation()
  if (filtered) {
    return (
      <Center style={{ flex: 1 }} data-testid="library-no-results">
        <Stack align="center" gap="xs">
          <IconSearchOff size={40} stroke={1.4} />
          <Text c="dimmed">{t('library.noResults', { query })}</Text>
        </Stack>
      </Center>
    )
  }
  return (
    <Center
      style={{ flex: 1, border: '2px dashed var(--mantine-color-default-border)', borderRadius: 16 }}
      data-testid="library-empty"
    >
      <Stack align="center" gap="sm" maw={420} p="xl">
        <ThemeIcon size={64} radius="xl" variant="light">
          <IconFileImport size={34} stroke={1.5} />
        </ThemeIcon>
        <Text size="lg" fw={600}>
          {t('library.emptyTitle')}
        </Text>
        <Text c="dimmed" ta="center" size="sm">
          {t('library.emptyHint')}
        </Text>
        <Button onClick={onImport}>{t('library.importFiles')}</Button>
      </Stack>
    </Center>
  )
}
