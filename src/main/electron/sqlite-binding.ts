import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../platform/package-info'

/**
 * In development the Node build of better-sqlite3 serves tests and the CLI, and `npm start`
 * prepares a second build for Electron's ABI beside it (scripts/electron-sqlite.mjs). A packaged
 * app is rebuilt for Electron by the packager, so it uses the default.
 */
export function electronSqliteBinding(isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const file = join(
    packageRoot(),
    'node_modules',
    '.cache',
    'framewise-electron',
    `${process.versions.electron}-${process.arch}`,
    'better_sqlite3.node'
  )
  return existsSync(file) ? file : undefined
}
