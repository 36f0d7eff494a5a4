import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { AppLayout } from './shell/AppLayout'
import { useCoreEvents } from './shell/useCoreEvents'
import { usePreferencesSync } from './shell/usePreferencesSync'
import { cssVariablesResolver, theme } from './theme'

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } }
})

function Shell() {
  useCoreEvents()
  usePreferencesSync()
  return <AppLayout />
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        {/* Bottom left: the details drawer and its buttons live on the right. */}
        <Notifications position="bottom-left" limit={4} />
        <Router hook={useHashLocation}>
          <Shell />
        </Router>
      </MantineProvider>
    </QueryClientProvider>
  )
}
