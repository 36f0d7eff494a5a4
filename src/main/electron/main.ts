import { app, BrowserWindow, protocol } from 'electron'
import { createApp, type FramewiseApp } from '../app/create-app'
import { createStderrLogger } from '../platform/logger'
import { appPaths, resolveDataDir } from '../platform/paths'
import { registerIpcBridge } from './ipc-bridge'
import { MEDIA_SCHEME, registerMediaProtocol } from './media-protocol'
import { createAppSecretStore } from './safe-storage-secrets'
import { registerSessionGuards } from './session-guards'
import { electronSqliteBinding } from './sqlite-binding'
import { createMainWindow } from './window'

app.setName('Framewise')
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }
])

let core: FramewiseApp | null = null

function dataDirFromArgs(): string | undefined {
  const flag = process.argv.find((arg) => arg.startsWith('--data-dir='))
  return flag?.slice('--data-dir='.length)
}

async function start(): Promise<void> {
  await app.whenReady()
  const dataDir = resolveDataDir(dataDirFromArgs())
  app.setPath('userData', dataDir)
  core = createApp({
    dataDir,
    version: app.getVersion(),
    secretStore: await createAppSecretStore(dataDir, appPaths(dataDir).secretsFile),
    nativeBinding: electronSqliteBinding(app.isPackaged),
    logger: createStderrLogger(app.isPackaged ? 'warn' : 'info'),
    strict: !app.isPackaged,
    housekeeping: true
  })
  registerSessionGuards()
  registerMediaProtocol(core.paths.blobsDir)
  registerIpcBridge(core)
  createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', (event) => {
  if (!core) return
  event.preventDefault()
  const closing = core
  core = null
  void closing.close().finally(() => app.quit())
})

start().catch((error: unknown) => {
  process.stderr.write(`Framewise failed to start: ${error instanceof Error ? error.stack : String(error)}\n`)
  app.exit(1)
})
