import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, matchesGlob, posix, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { electronSqliteBinding } from '../../../src/main/electron/sqlite-binding'
import { rendererIndex } from '../../../src/main/electron/window'
import { bundledBinaryPath, unpackedPath } from '../../../src/main/platform/ffmpeg/binaries'
import { packageRoot } from '../../../src/main/platform/package-info'
import { tempDir } from '../../support/temp'

// window.ts imports electron for its BrowserWindow; only its path arithmetic is exercised here.
vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, shell: {} }))

/**
 * The packaged app (electron-builder.json, docs/adr/009-packaging.md) against the paths the code
 * resolves. A binary or native module left inside app.asar cannot be executed or dlopen'ed, so every
 * such path must match an `asarUnpack` glob: removing an entry there makes this file fail.
 *
 * Globs are matched with node:path's matchesGlob (minimatch, as electron-builder uses; experimental
 * in Node 20, so it prints one ExperimentalWarning), and `files` is read in order the way
 * electron-builder reads it: a later `!pattern` removes what an earlier one added.
 */
interface BuilderConfig {
  files: string[]
  asar: boolean
  asarUnpack: string[]
  npmRebuild?: boolean
  afterPack?: string
  directories: { output: string; buildResources: string }
}

const root = packageRoot()
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  dependencies: Record<string, string>
}

/** Where a file of the project lands inside the app, written the way electron-builder matches it. */
function appRelative(file: string): string {
  const rel = relative(root, file)
  expect(rel.startsWith('..'), `${file} is outside the project`).toBe(false)
  return rel.split(sep).join('/')
}

function unpacks(rel: string): boolean {
  return config.asarUnpack.some((pattern) => matchesGlob(rel, pattern))
}

function packs(rel: string): boolean {
  let included = false
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!')
    if (included !== negated) continue
    const hit = matchesGlob(rel, negated ? pattern.slice(1) : pattern)
    included = negated ? !hit : hit
  }
  return included
}

interface AfterPackHook {
  makeToolsExecutable(resourcesDir: string): Promise<string[]>
  assertNotNodeBuild(addon: string): void
  forgetRebuild(appDir: string): Promise<string>
}

async function afterPackHook(): Promise<AfterPackHook> {
  expect(config.afterPack).toBe('./scripts/after-pack.mjs')
  return (await import(pathToFileURL(join(root, config.afterPack as string)).href)) as AfterPackHook
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('packaged paths', () => {
  it('packs into app.asar and rebuilds native modules for Electron', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).not.toBe(false)
    // Packaged, the shell leaves better-sqlite3 to its default binding: the one the packager rebuilt.
    expect(electronSqliteBinding(true)).toBeUndefined()
  })

  it.each(['ffmpeg', 'ffprobe'] as const)('unpacks the bundled %s that binaries.ts resolves', (tool) => {
    const found = bundledBinaryPath(tool)
    expect(found, `no @${tool}-installer binary for ${process.platform}-${process.arch}`).not.toBeNull()
    const rel = appRelative(found as string)
    expect(rel).toMatch(/^node_modules\//)
    expect(unpacks(rel), `${rel} would stay inside app.asar`).toBe(true)
    // The same file, resolved inside an installed app, is rewritten to where asarUnpack puts it.
    const packaged = posix.join('/opt/Framewise/resources/app.asar', rel)
    expect(unpackedPath(packaged)).toBe(posix.join('/opt/Framewise/resources/app.asar.unpacked', rel))
  })

  it('ships the packages resolved at run time as dependencies, not bundled devDependencies', () => {
    for (const name of [
      '@ffmpeg-installer/ffmpeg',
      '@ffprobe-installer/ffprobe',
      'better-sqlite3',
      'sharp'
    ]) {
      expect(pkg.dependencies, name).toHaveProperty([name])
    }
  })

  it('unpacks the better-sqlite3 native module', () => {
    const load = createRequire(join(root, 'package.json'))
    const addon = join(
      dirname(load.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node'
    )
    expect(existsSync(addon), addon).toBe(true)
    expect(unpacks(appRelative(addon))).toBe(true)
  })

  it("unpacks sharp's addon and libvips", () => {
    const img = join(root, 'node_modules', '@img')
    const platformFiles = readdirSync(img)
      .filter((name) => name.startsWith('sharp-'))
      .flatMap((name) => filesUnder(join(img, name)))
    expect(platformFiles.some((file) => file.endsWith('.node'))).toBe(true)
    for (const file of [...platformFiles, join(root, 'node_modules', 'sharp', 'package.json')]) {
      expect(unpacks(appRelative(file)), file).toBe(true)
    }
  })

  it('packs the main entry, the preload and the renderer the window loads', () => {
    const mainEntry = pkg.main
    expect(packs(mainEntry), mainEntry).toBe(true)
    expect(packs('package.json')).toBe(true)
    // rendererIndex() is relative to the module that calls it; built, that module is `main`.
    const fromMain = relative(join(root, 'src/main/electron'), rendererIndex())
    const renderer = posix.normalize(posix.join(posix.dirname(mainEntry), fromMain.split(sep).join('/')))
    expect(renderer).toBe('out/renderer/index.html')
    expect(packs(renderer)).toBe(true)
    // window.ts loads '../preload/index.js' beside main; it does not expose that path as a function.
    expect(packs('out/preload/index.js')).toBe(true)
  })

  it('leaves sources, tests, source maps and build resources out of the app', () => {
    for (const rel of [
      'src/main/electron/main.ts',
      'tests/main/platform/packaging.test.ts',
      'out/main/index.js.map'
    ]) {
      expect(packs(rel), rel).toBe(false)
    }
    expect(config.directories.buildResources).toBe('resources')
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true)
  })
})

describe('afterPack hook', () => {
  it('makes the unpacked ffmpeg and ffprobe executable for everyone', async () => {
    const resources = tempDir()
    const tool = join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      '@ffprobe-installer',
      'linux-x64',
      'ffprobe'
    )
    mkdirSync(dirname(tool), { recursive: true })
    writeFileSync(tool, '')
    chmodSync(tool, 0o744) // as @ffprobe-installer's `chmod u+x` leaves it
    expect(await (await afterPackHook()).makeToolsExecutable(resources)).toEqual([tool])
    expect(statSync(tool).mode & 0o777).toBe(0o755)
  })

  it('refuses a better-sqlite3 that plain Node can load, and a missing one', async () => {
    const hook = await afterPackHook()
    const load = createRequire(join(root, 'package.json'))
    // node_modules holds the Node build (docs/adr/003-two-sqlite-builds.md): exactly what must not ship.
    const nodeBuild = join(
      dirname(load.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node'
    )
    expect(() => hook.assertNotNodeBuild(nodeBuild)).toThrow(/not for Electron/)
    expect(() => hook.assertNotNodeBuild(join(tempDir(), 'better_sqlite3.node'))).toThrow(/missing/)
    const notLoadable = join(tempDir(), 'better_sqlite3.node')
    writeFileSync(notLoadable, 'built for another ABI or platform')
    expect(() => hook.assertNotNodeBuild(notLoadable)).not.toThrow()
  })

  it("drops @electron/rebuild's done-marker so the next dist rebuilds after postdist", async () => {
    const appDir = tempDir()
    const release = join(appDir, 'node_modules', 'better-sqlite3', 'build', 'Release')
    mkdirSync(release, { recursive: true })
    writeFileSync(join(appDir, 'package.json'), '{}')
    writeFileSync(join(appDir, 'node_modules', 'better-sqlite3', 'package.json'), '{"name":"better-sqlite3"}')
    writeFileSync(join(release, '.forge-meta'), 'linux--x64--140')
    expect(await (await afterPackHook()).forgetRebuild(appDir)).toBe(join(release, '.forge-meta'))
    expect(existsSync(join(release, '.forge-meta'))).toBe(false)
  })
})

describe('unpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked', () => {
    expect(
      unpackedPath('/opt/Framewise/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')
    ).toBe('/opt/Framewise/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')
    expect(
      unpackedPath(
        'C:\\Program Files\\Framewise\\resources\\app.asar\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe'
      )
    ).toBe(
      'C:\\Program Files\\Framewise\\resources\\app.asar.unpacked\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe'
    )
  })

  it('leaves other paths alone', () => {
    for (const path of [
      '/work/framewise/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
      '/opt/Framewise/resources/app.asar.unpacked/node_modules/@ffprobe-installer/linux-x64/ffprobe',
      '/home/me/my-app.asar.d/ffmpeg',
      '/home/me/notapp.asar/ffmpeg',
      '/usr/bin/ffmpeg'
    ]) {
      expect(unpackedPath(path)).toBe(path)
    }
  })
})
