import { z } from 'zod'
import { isRouteName, routes, type RouteInput, type RouteName, type RouteOutput } from '@shared/contract'
import { AppError, isAppError, toErrorInfo, type ErrorInfo, type Result } from '@shared/errors'
import type { Logger } from '../platform/logger'

export type Handlers = {
  [N in RouteName]: (input: z.output<(typeof routes)[N]['input']>) => Promise<RouteOutput<N>> | RouteOutput<N>
}

export interface Router {
  handle(route: string, input: unknown): Promise<Result<unknown>>
  call<N extends RouteName>(route: N, input: RouteInput<N>): Promise<RouteOutput<N>>
}

/** Validates every input (and output when asked), and turns every outcome into a Result. */
export function createRouter(
  handlers: Handlers,
  options: { validateOutput: boolean; logger: Logger }
): Router {
  async function dispatch(name: string, rawInput: unknown): Promise<unknown> {
    if (!isRouteName(name)) throw new AppError('NOT_FOUND', `Unknown route "${name}".`)
    const def = routes[name]
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', describeIssues(parsed.error), { issues: parsed.error.issues })
    }
    const handler = handlers[name] as (input: unknown) => unknown
    const output = await handler(parsed.data)
    if (options.validateOutput) {
      const checked = def.output.safeParse(output)
      if (!checked.success) {
        options.logger.error('route output failed validation', { route: name, issues: checked.error.issues })
        throw new AppError('INTERNAL', `Route "${name}" produced an invalid result.`)
      }
    }
    return output
  }

  return {
    async handle(name, input) {
      try {
        return { ok: true, data: await dispatch(name, input) }
      } catch (error) {
        return { ok: false, error: publicError(name, error, options.logger) }
      }
    },
    async call(name, input) {
      return (await dispatch(name, input)) as RouteOutput<typeof name>
    }
  }
}

/**
 * Expected failures (AppError) pass through with their code and message. Anything else is a bug:
 * it is logged with its details, and the caller gets INTERNAL with a message that reveals nothing.
 */
function publicError(route: string, error: unknown, logger: Logger): ErrorInfo {
  const info = toErrorInfo(error)
  if (info.code !== 'INTERNAL') return info
  logger.error('route failed', {
    route,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error)
  })
  if (isAppError(error)) return info
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside Framewise while handling “${route}”. The details are in the log.`
  }
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'Invalid input.'
  const where = first.path.length > 0 ? first.path.join('.') : 'input'
  return `Invalid input at ${where}: ${first.message}`
}
