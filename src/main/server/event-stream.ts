import type { ServerResponse } from 'node:http'
import type { EventBus } from '../platform/event-bus'

const HEARTBEAT_MS = 15_000

/** Server-sent events: every core event, framed as `event: name` + `data: json`. */
export function openEventStream(res: ServerResponse, bus: EventBus): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no'
  })
  res.write(': connected\n\n')
  const unsubscribe = bus.onAny((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
  const close = (): void => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  res.on('close', close)
  return close
}
