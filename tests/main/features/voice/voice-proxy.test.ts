import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ResolvedProvider } from '../../../../src/main/ai/provider-service'
import { realtimeEndpoint } from '../../../../src/main/features/voice/realtime-endpoint'
import { RealtimeSocket } from '../../../../src/main/features/voice/realtime-socket'
import type { ServerEvent } from '../../../../src/main/features/voice/server-event-names'
import { fakeRealtime } from '../../../support/voice'

const proxies: Server[] = []
afterEach(() => proxies.splice(0).forEach((p) => p.close()))

/** An HTTP proxy that tunnels with CONNECT, as corporate and mainland-China proxies do. */
async function connectProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = []
  const server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxies.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels }
}

const provider = (baseURL: string, proxy: string | null, local: boolean): ResolvedProvider =>
  ({
    row: { kind: 'openai', baseURL, deployments: {}, proxy },
    provider: { id: 'p', name: 'P', local, capabilities: { realtime: true } },
    apiKey: 'k'
  }) as unknown as ResolvedProvider

describe('the Realtime socket behind a proxy', () => {
  it('tunnels through the provider’s proxy with CONNECT', async () => {
    const fake = await fakeRealtime()
    const proxy = await connectProxy()
    const endpoint = realtimeEndpoint(provider(fake.baseURL, proxy.url, false), 'gpt-realtime', {})
    expect(endpoint.proxy).toBe(proxy.url)
    const events: ServerEvent[] = []
    const socket = await RealtimeSocket.open(endpoint, {
      onEvent: (e) => events.push(e),
      onBadFrame: () => undefined,
      onClose: () => undefined
    })
    await expect.poll(() => events[0]?.type).toBe('session.created')
    socket.close()
    expect(proxy.tunnels).toEqual([new URL(fake.baseURL).host])
    expect(fake.connections[0]?.headers.authorization).toBe('Bearer k')
  })

  it('never sends a local server’s traffic through a proxy', () => {
    const endpoint = realtimeEndpoint(provider('http://127.0.0.1:1/v1', null, true), 'gpt-realtime', {
      HTTPS_PROXY: 'http://proxy.example:8080'
    })
    expect(endpoint.proxy).toBeNull()
  })
})
