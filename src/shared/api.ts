import type { EventName, EventPayload, RouteInput, RouteName, RouteOutput } from './contract'
import type { Result } from './errors'

/** The whole surface the renderer sees, whether through Electron's preload or the web shim. */
export interface FramewiseApi {
  invoke<N extends RouteName>(route: N, input: RouteInput<N>): Promise<Result<RouteOutput<N>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export const IPC_INVOKE_CHANNEL = 'framewise:invoke'
export const IPC_EVENT_CHANNEL = 'framewise:event'
