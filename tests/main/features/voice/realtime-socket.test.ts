import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { RealtimeSocket } from '../../../../src/main/features/voice/realtime-socket'

let server: WebSocketServer | null = null
afterEach(() => server?.close())

/** A Realtime-like server; `autoPong: false` plays a link that died without a close. */
async function serve(options: { autoPong: boolean }): Promise<{ url: string; clients: WebSocket[] }> {
  const clients: WebSocket[] = []
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: options.autoPong })
  server.on('connection', (ws) => clients.push(ws))
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { url: `ws://127.0.0.1:${port}/v1/realtime`, clients }
}

const endpoint = (url: string) => ({ url, headers: {}, proxy: null })

describe('the Realtime socket', () => {
  it('ends a link that stops answering pings, so the session can reconnect', async () => {
    const { url } = await serve({ autoPong: false })
    const onClose = vi.fn()
    await RealtimeSocket.open(
      endpoint(url),
      { onEvent: vi.fn(), onBadFrame: vi.fn(), onClose },
      { pingEveryMs: 50, pongWithinMs: 100 }
    )
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ expected: false })), {
      timeout: 3000
    })
  })

  it('keeps a link whose pongs come back', async () => {
    const { url } = await serve({ autoPong: true })
    const onClose = vi.fn()
    const socket = await RealtimeSocket.open(
      endpoint(url),
      { onEvent: vi.fn(), onBadFrame: vi.fn(), onClose },
      { pingEveryMs: 30, pongWithinMs: 100 }
    )
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(onClose).not.toHaveBeenCalled()
    expect(socket.isOpen).toBe(true)
    socket.close()
  })

  it('handles nothing the server sends after Framewise closed it', async () => {
    const { url, clients } = await serve({ autoPong: true })
    const onEvent = vi.fn()
    const socket = await RealtimeSocket.open(endpoint(url), { onEvent, onBadFrame: vi.fn(), onClose: vi.fn() })
    await vi.waitFor(() => expect(clients).toHaveLength(1))
    clients[0]!.send(JSON.stringify({ type: 'session.created' }))
    await vi.waitFor(() => expect(onEvent).toHaveBeenCalledTimes(1))
    socket.close()
    clients[0]!.send(JSON.stringify({ type: 'response.done', response: {} }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(onEvent).toHaveBeenCalledTimes(1)
  })
})
