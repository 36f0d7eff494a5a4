import type { EventName, EventPayload, RouteInput, RouteName, RouteOutput } from '@shared/contract'
import type { ErrorInfo } from '@shared/errors'
import { transport } from './transport'

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
  }
}

/** Calls a route and unwraps its Result, so React Query sees data or an ApiError. */
export async function call<N extends RouteName>(route: N, input: RouteInput<N>): Promise<RouteOutput<N>> {
  const result = await transport().api.invoke(route, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.data
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void
): () => void {
  return transport().api.on(event, listener)
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.info
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}
