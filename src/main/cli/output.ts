import { toErrorInfo } from '@shared/errors'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

/** With --json exactly one document goes to stdout; everything else is for humans on stderr. */
export class Output {
  constructor(readonly json: boolean) {}

  result(document: unknown, human: () => string): void {
    if (this.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`)
    else process.stdout.write(`${human()}\n`)
  }

  progress(line: string): void {
    process.stderr.write(`${line}\n`)
  }

  failure(error: unknown): number {
    const info = toErrorInfo(error)
    if (this.json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: info.code, message: info.message } }, null, 2)}\n`
      )
    } else {
      process.stderr.write(`Error (${info.code}): ${info.message}\n`)
    }
    return EXIT_FAILED
  }
}

export { formatBytes, formatDuration } from '@shared/format'
