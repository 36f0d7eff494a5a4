import type { FramewiseApi } from '@shared/api'
import type { Result } from '@shared/errors'
import { createWebApi, takeToken } from './web-api'

declare global {
  interface Window {
    api?: FramewiseApi
  }
}

type WebApi = ReturnType<typeof createWebApi>

export interface Transport {
  api: FramewiseApi
  kind: 'electron' | 'web'
  /** Web only: streams a dropped file to the server's staging folder. */
  upload?: (file: File) => Promise<Result<{ path: string }>>
}

let current: Transport | null = null

/** Electron's preload installs window.api; in a plain browser the web shim installs the same one. */
export function transport(): Transport {
  if (current) return current
  if (window.api) {
    current = { api: window.api, kind: 'electron' }
  } else {
    const web: WebApi = createWebApi(takeToken())
    window.api = web
    current = { api: web, kind: 'web', upload: (file) => web.uploadFile(file) }
  }
  return current
}

/** Tests install a fake transport. */
export function setTransport(next: Transport | null): void {
  current = next
}
