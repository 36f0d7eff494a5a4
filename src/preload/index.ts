import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/api'

// Electron no longer puts a path on File objects; files dropped or picked in the renderer are
// turned into paths here, so the renderer can pass them as they are.
function withFilePaths(input: unknown): unknown {
  if (!input || typeof input !== 'object' || !('paths' in input)) return input
  const paths = (input as { paths: unknown }).paths
  if (!Array.isArray(paths)) return input
  return { ...input, paths: paths.map((p: unknown) => (p instanceof File ? webUtils.getPathForFile(p) : p)) }
}

contextBridge.exposeInMainWorld('api', {
  invoke: (route: string, input: unknown) =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, route, withFilePaths(input)),
  on: (event: string, listener: (payload: unknown) => void) => {
    const handler = (_e: unknown, name: string, payload: unknown): void => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, handler)
  }
})
