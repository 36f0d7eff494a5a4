import { main } from './program'

// Exit explicitly once the command is done: a stray handle (a decoder thread, a socket) must not
// keep a finished command alive.
main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  }
)
