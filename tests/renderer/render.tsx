import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { FramewiseApi } from '../../src/shared/api'
import type { EventName } from '../../src/shared/contract'
import type { Result } from '../../src/shared/errors'
import { setTransport } from '../../src/renderer/src/api/transport'

export interface FakeApi extends FramewiseApi {
  calls: { route: string; input: unknown }[]
  emit(event: EventName, payload: unknown): void
}

/** A transport that answers routes from a table and lets the test push events. */
export function fakeApi(answers: Record<string, (input: unknown) => unknown>): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api: FakeApi = {
    calls: [],
    async invoke(route, input) {
      api.calls.push({ route, input })
      const answer = answers[route]
      if (!answer) return { ok: false, error: { code: 'NOT_FOUND', message: route } } as never
      return { ok: true, data: answer(input) } as Result<never>
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  }
  setTransport({ api, kind: 'web', upload: async () => ({ ok: true, data: { path: '/staged/x' } }) })
  return api
}

export function renderUi(ui: ReactElement, path = '/library') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const { hook } = memoryLocation({ path })
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <Notifications />
        <Router hook={hook}>{ui}</Router>
      </MantineProvider>
    </QueryClientProvider>
  )
}
