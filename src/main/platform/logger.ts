import { redactDeep, redactSecrets } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }
// Field names whose values must never reach a log line, whatever the caller passes.
const SECRET_FIELD = /key|token|secret|password|authorization/i

export function redactFields(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    out[name] = SECRET_FIELD.test(name) ? '[redacted]' : value
  }
  return out
}

/**
 * JSON lines on stderr, so stdout stays clean for the CLI's --json documents. Every string is
 * redacted (header values, bearer tokens, sk- keys), whatever field or message carries it.
 */
export function createStderrLogger(minLevel: LogLevel = 'info'): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < ORDER[minLevel]) return
    const line = {
      time: new Date().toISOString(),
      level,
      message: redactSecrets(message),
      ...redactDeep(redactFields(fields))
    }
    process.stderr.write(`${JSON.stringify(line)}\n`)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f)
  }
}

export function createSilentLogger(): Logger {
  const noop = (): void => undefined
  return { debug: noop, info: noop, warn: noop, error: noop }
}
