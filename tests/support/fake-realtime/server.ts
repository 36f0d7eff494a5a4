import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { FakeConnection, type ConnectionLog, type RealtimeFault, type RealtimeScript } from './connection'

export type { RealtimeFault, RealtimeScript } from './connection'

export interface FakeRealtime {
  /** Base URL for a provider record, ending in /v1 (http; the client turns it into ws). */
  baseURL: string
  connections: ConnectionLog[]
  script(changes: Partial<RealtimeScript>): void
  /** Applies to the next answer (any connection), once. */
  fault(fault: RealtimeFault): void
  /** Refuses the next WebSocket handshakes with this HTTP status. */
  refuseNext(status: number, times?: number): void
  close(): Promise<void>
}

const DEFAULT_SCRIPT: RealtimeScript = {
  userTranscript: 'What do I have about foxes?',
  assistantText: 'You have one video about a red fox in the snow.',
  audioMs: 1200,
  deltaMs: 240,
  toolCall: null,
  beta: false,
  paceMs: 0
}

/** A Realtime API on 127.0.0.1 speaking the GA protocol from recorded events, with fault injection. */
export async function startFakeRealtime(): Promise<FakeRealtime> {
  let script: RealtimeScript = { ...DEFAULT_SCRIPT }
  const faults: RealtimeFault[] = []
  const refusals: number[] = []
  const connections: ConnectionLog[] = []
  const http = createServer((_req, res) => res.writeHead(404).end())
  const wss = new WebSocketServer({ noServer: true })
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const refusal = refusals.shift()
    if (refusal || url.pathname !== '/v1/realtime') {
      socket.end(`HTTP/1.1 ${refusal ?? 404} Refused\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const log: ConnectionLog = {
        url: req.url ?? '',
        headers: flatHeaders(req.headers),
        received: [],
        functionOutputs: []
      }
      connections.push(log)
      new FakeConnection(
        ws,
        log,
        url.searchParams.get('model') ?? 'gpt-realtime',
        () => script,
        () => faults.shift()
      )
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    connections,
    script: (changes) => (script = { ...script, ...changes }),
    fault: (fault) => faults.push(fault),
    refuseNext: (status, times = 1) => refusals.push(...Array<number>(times).fill(status)),
    close: async () => {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    }
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])
  )
}
