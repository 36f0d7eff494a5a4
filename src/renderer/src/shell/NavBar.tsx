import { NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { NAV_ITEMS, type NavItem } from './routes'

const SECTIONS: { key: NavItem['section']; labelKey?: string }[] = [
  { key: 'media', labelKey: 'nav.sectionMedia' },
  { key: 'models', labelKey: 'nav.sectionModels' },
  { key: 'app' }
]

export function NavBar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation()
  const [location] = useLocation()
  return (
    <ScrollArea>
      <Stack gap="md" p="sm">
        {SECTIONS.map((section) => (
          <Stack key={section.key} gap={2}>
            {section.labelKey && (
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
                {t(section.labelKey)}
              </Text>
            )}
            {NAV_ITEMS.filter((item) => item.section === section.key).map((item) => (
              <NavLink
                key={item.path}
                component={Link}
                href={item.path}
                label={t(item.labelKey)}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={
                  location === item.path ||
                  location.startsWith(`${item.path}/`) ||
                  (item.path === '/library' && location === '/')
                }
                onClick={onNavigate}
                data-testid={`nav-${item.path.slice(1)}`}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  )
}
