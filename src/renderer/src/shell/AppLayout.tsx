import { ActionIcon, AppShell, Burger, Group, Text, Tooltip, useComputedColorScheme } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconMoon, IconSun } from '@tabler/icons-react'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Redirect, Route, Switch } from 'wouter'
import { useSettings, useUpdateSettings } from '../api/hooks'
import { JobTray } from '../features/jobs/JobTray'
import { useImportNotifications } from '../features/jobs/useImportNotifications'
import { LibraryPage } from '../features/library/LibraryPage'
import { PageLoader } from './PageLoader'
import { ShortcutsDialog } from './ShortcutsDialog'
import { NavBar } from './NavBar'
import { OfflineBadge } from './OfflineBadge'

// The Library is the first page, so it ships with the shell; every other page loads when opened.
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'))
const UsagePage = lazy(() => import('../features/usage/UsagePage'))
const VideoPage = lazy(() => import('../features/video/VideoPage'))
const AudioPage = lazy(() => import('../features/audio/AudioPage'))
const GalleryPage = lazy(() => import('../features/gallery/GalleryPage'))
const ImagesPage = lazy(() => import('../features/images/ImagesPage'))
const BatchPage = lazy(() => import('../features/batch/BatchPage'))
const PlaygroundPage = lazy(() => import('../features/playground/PlaygroundPage'))
const VoicePage = lazy(() => import('../features/voice/VoicePage'))

export function AppLayout() {
  const { t } = useTranslation()
  const [navOpen, nav] = useDisclosure(false)
  useImportNotifications()
  return (
    <AppShell
      header={{ height: 52 }}
      // Below 992 px the sidebar folds into the burger menu, leaving the page the whole width.
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('common.menu')}
              data-testid="nav-burger"
            />
            <Text fw={700} size="lg" data-testid="app-title">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <OfflineBadge />
            <JobTray />
            <ShortcutsDialog />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        <Suspense fallback={<PageLoader />}>
          <Switch>
            <Route path="/library" component={LibraryPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/usage" component={UsagePage} />
            <Route path="/video/:assetId?" component={VideoPage} />
            <Route path="/audio/:first?/:second?" component={AudioPage} />
            <Route path="/gallery/:first?/:second?" component={GalleryPage} />
            <Route path="/images/:runId?" component={ImagesPage} />
            <Route path="/batch" component={BatchPage} />
            <Route path="/playground/:first?/:second?" component={PlaygroundPage} />
            <Route path="/voice" component={VoicePage} />
            <Route>
              <Redirect to="/library" />
            </Route>
          </Switch>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}

function ThemeToggle() {
  const { t } = useTranslation()
  const computed = useComputedColorScheme('light')
  const { data: settings } = useSettings()
  const update = useUpdateSettings()
  const next = computed === 'dark' ? 'light' : 'dark'
  return (
    <Tooltip label={t('common.toggleTheme')}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('common.toggleTheme')}
        data-testid="theme-toggle"
        disabled={!settings}
        onClick={() => update.mutate({ theme: next })}
      >
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}
