import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root, found from this module's location whether it runs from src/ or out/. */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate) && readName(candidate) === 'framewise') return dir
    const parent = dirname(dir)
    if (parent === dir) return start
    dir = parent
  }
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }
    return pkg.version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

/** Where `electron-vite build` puts the renderer; the web UI serves it. */
export function rendererDir(): string {
  return join(packageRoot(), 'out', 'renderer')
}

function readName(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name
  } catch {
    return undefined
  }
}
