// electron-builder `afterPack` hook (electron-builder.json, docs/adr/009-packaging.md): runs on the
// unpacked app before it becomes an AppImage, deb, dmg or installer.
import { existsSync } from 'node:fs'
import { chmod, readdir, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const TOOLS = ['ffmpeg', 'ffprobe']

/**
 * @ffprobe-installer marks its binary executable for its owner only (`chmod u+x` on install). A deb
 * installs it as root and an AppImage is root-owned, so no one else could run it; make the bundled
 * binaries executable for all. Returns the files changed.
 */
export async function makeToolsExecutable(resourcesDir) {
  const changed = []
  for (const scope of ['@ffmpeg-installer', '@ffprobe-installer']) {
    const dir = join(resourcesDir, 'app.asar.unpacked', 'node_modules', scope)
    const packages = await readdir(dir).catch(() => [])
    for (const name of packages.flatMap((pkg) => TOOLS.map((tool) => join(dir, pkg, tool)))) {
      const info = await stat(name).catch(() => null)
      if (!info?.isFile()) continue
      await chmod(name, 0o755)
      changed.push(name)
    }
  }
  return changed
}

/**
 * The packaged better-sqlite3 must be the Electron build. If plain Node can load it, the native
 * rebuild silently built it for Node instead (seen when npm's `nodedir` config points node-gyp at
 * Node's own headers and no prebuilt binary could be downloaded). An Electron build fails to load
 * here with a NODE_MODULE_VERSION error; a build for another platform fails too, which is fine.
 */
export function assertNotNodeBuild(addon) {
  if (!existsSync(addon))
    throw new Error(`${addon} is missing: better-sqlite3 was not unpacked (asarUnpack).`)
  try {
    process.dlopen({ exports: {} }, addon)
  } catch {
    return
  }
  throw new Error(
    `${addon} is built for Node ${process.versions.node} (ABI ${process.versions.modules}), not for Electron. ` +
      'The native rebuild did not take: check that node-gyp can get the Electron headers ' +
      '(unset npm_config_nodedir) or that prebuild-install can download the Electron binary.'
  )
}

/**
 * The rebuild replaced the Node build of better-sqlite3 in node_modules with Electron's and marked it
 * done (build/Release/.forge-meta). `postdist` puts the Node build back (docs/adr/003), which leaves
 * the marker behind: the next `npm run dist` would skip the rebuild and ship the Node build. This
 * package's copy is made by now, so drop the marker and let the next run rebuild.
 */
export async function forgetRebuild(appDir) {
  const load = createRequire(join(appDir, 'package.json'))
  const marker = join(dirname(load.resolve('better-sqlite3/package.json')), 'build', 'Release', '.forge-meta')
  await rm(marker, { force: true })
  return marker
}

export default async function afterPack(context) {
  const resources = context.packager.getResourcesDir(context.appOutDir)
  if (context.electronPlatformName !== 'win32') await makeToolsExecutable(resources)
  await forgetRebuild(context.packager.info.appDir)
  const release = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release')
  assertNotNodeBuild(join(release, 'better_sqlite3.node'))
}
