// Builds a second copy of better-sqlite3 for Electron's ABI, next to the Node build that tests and
// the CLI use, so nobody flips builds by hand (docs/adr/003-two-sqlite-builds.md).
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
}

export function electronSqlitePath(root, version, arch = process.arch) {
  return join(
    root,
    'node_modules',
    '.cache',
    'framewise-electron',
    `${version}-${arch}`,
    'better_sqlite3.node'
  )
}

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js'
    )
  ]
  return candidates.find((file) => file && existsSync(file))
}

function run(script, args, cwd) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'inherit' })
  return result.status === 0
}

/** Returns the path of an Electron-ABI better_sqlite3.node, building or downloading it once. */
export function ensureElectronSqlite(root, arch = process.arch) {
  const version = electronVersion(root)
  const target = electronSqlitePath(root, version, arch)
  if (existsSync(target)) return target
  console.log(`Preparing better-sqlite3 for Electron ${version} (${arch}); this happens once.`)
  const source = dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }))
  const work = mkdtempSync(join(tmpdir(), 'framewise-sqlite-'))
  const copy = join(work, 'better-sqlite3')
  try {
    cpSync(source, copy, {
      recursive: true,
      filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`)
    })
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [source, root] })
    const common = [`--arch=${arch}`, `--platform=${process.platform}`]
    const ok =
      run(prebuild, ['--runtime=electron', `--target=${version}`, ...common], copy) ||
      (nodeGypScript() !== undefined &&
        run(
          nodeGypScript(),
          [
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${version}`,
            '--dist-url=https://electronjs.org/headers',
            ...common
          ],
          copy
        ))
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (!ok || !existsSync(built)) {
      throw new Error(
        'Could not get better-sqlite3 for Electron: no prebuilt binary could be downloaded and building it needs ' +
          'python3, a C++ compiler and internet access for the Electron headers.'
      )
    }
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(built, target)
    return target
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
