import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/api'
import type { FramewiseApp } from '../app/create-app'
import { isTrustedUrl } from './trusted-origin'
import { trustedRenderer } from './window'

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame) return false
  return isTrustedUrl(frame.url, trustedRenderer())
}

export function registerIpcBridge(core: FramewiseApp): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, route: unknown, input: unknown) => {
    if (!isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This page may not call Framewise.' } }
    }
    return core.router.handle(String(route), input)
  })
  core.bus.onAny((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload)
    }
  })
}
