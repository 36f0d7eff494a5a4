import type { z } from 'zod'
import type { RouteName, RouteOutput, Routes } from '@shared/contract'

/** One route's handler: it only delegates to a service (DESIGN §3). */
export type RouteHandler<N extends RouteName> = (
  input: z.output<Routes[N]['input']>
) => Promise<RouteOutput<N>> | RouteOutput<N>

export type Handlers = { [N in RouteName]: RouteHandler<N> }

/** The routes one feature answers; app/ merges the slices and the compiler checks none is missing. */
export type HandlerSlice<N extends RouteName> = Pick<Handlers, N>
