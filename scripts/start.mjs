#!/usr/bin/env node
// `npm start`: fetch the Electron binary on first start, prepare better-sqlite3 for Electron's ABI,
// then build and launch the app (`--dev` runs the renderer with hot reload instead).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronSqlite } from './electron-sqlite.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const dev = process.argv.includes('--dev')

function fail(message) {
  console.error(`\nFramewise could not start: ${message}`)
  process.exit(1)
}

let electronBinary
try {
  // Requiring the package downloads the binary when it is missing (Electron ≥ 45 installs lazily).
  electronBinary = require('electron')
} catch (error) {
  fail(
    `the Electron binary is missing and could not be downloaded (${error.message}). Check your internet connection.`
  )
}
try {
  ensureElectronSqlite(root)
} catch (error) {
  fail(error.message)
}

const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [cli, dev ? 'dev' : 'preview'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electronBinary }
})
child.on('exit', (code) => process.exit(code ?? 0))
