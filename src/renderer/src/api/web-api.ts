import type { FramewiseApi } from '@shared/api'
import type { EventName } from '@shared/contract'
import type { Result } from '@shared/errors'

const TOKEN_KEY = 'framewise.token'

/** The token arrives in the printed URL once; it is kept for reloads and removed from the address bar. */
export function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/** The same `window.api` the Electron preload gives, over HTTP RPC and server-sent events. */
export function createWebApi(
  token: string
): FramewiseApi & { uploadFile(file: File): Promise<Result<{ path: string }>> } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  const ensureEvents = (): void => {
    if (source) return
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
  }

  const subscribe = (event: string, listener: (payload: unknown) => void): (() => void) => {
    ensureEvents()
    let set = listeners.get(event)
    if (!set) {
      const created = new Set<(payload: unknown) => void>()
      listeners.set(event, created)
      source?.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown
        for (const fn of created) fn(payload)
      })
      set = created
    }
    set.add(listener)
    return () => set.delete(listener)
  }

  return {
    async invoke(route, input) {
      return postJson(`/rpc/${route}`, token, JSON.stringify(input ?? {})) as never
    },
    on(event: EventName, listener) {
      return subscribe(event, listener as (payload: unknown) => void)
    },
    async uploadFile(file) {
      return postJson('/upload', token, file, { 'x-file-name': encodeURIComponent(file.name) }) as Promise<
        Result<{ path: string }>
      >
    }
  }
}

async function postJson(
  url: string,
  token: string,
  body: BodyInit,
  headers: Record<string, string> = { 'content-type': 'application/json' }
): Promise<Result<unknown>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'x-framewise-token': token },
      body
    })
    return (await response.json()) as Result<unknown>
  } catch (error) {
    return {
      ok: false,
      error: { code: 'AI_OFFLINE', message: `Framewise is not reachable: ${String(error)}` }
    }
  }
}
