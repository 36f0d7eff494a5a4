import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, shell } from 'electron'
import { externalUrl } from './external-links'

/** The one window, locked down per DESIGN §10: isolated, sandboxed, no navigation away. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    // Every page is laid out to stay usable from 800 px wide.
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Framewise',
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // A link the user clicked (target=_blank) opens in the browser, http(s) only; no new windows.
  win.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url)
    if (external) void shell.openExternal(external)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault()
  })
  // Exports are saved by the renderer as downloads: always ask where, starting in Downloads.
  win.webContents.session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Save export',
      defaultPath: join(app.getPath('downloads'), item.getFilename())
    })
  })
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(rendererIndex())
  return win
}

export function rendererIndex(): string {
  return join(__dirname, '../renderer/index.html')
}

/** Our own renderer: the built files, or in development the dev server (see trusted-origin.ts). */
export function trustedRenderer(): { devUrl?: string; rendererRoot: string } {
  return {
    devUrl: process.env.ELECTRON_RENDERER_URL,
    rendererRoot: pathToFileURL(dirname(rendererIndex())).href
  }
}
