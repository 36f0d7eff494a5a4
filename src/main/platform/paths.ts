import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_NAME = 'Framewise'

export interface AppPaths {
  dataDir: string
  dbFile: string
  blobsDir: string
  tmpDir: string
  stagingDir: string
  backupsDir: string
  secretsFile: string
  /** What can be asked again if it is lost (the ffmpeg capability cache). */
  cacheDir: string
}

/** The folder Electron's app.getPath('userData') gives for the app name, computed without Electron. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}

/** --data-dir wins, then FRAMEWISE_DATA_DIR, then the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.FRAMEWISE_DATA_DIR || defaultDataDir(env)
  return resolve(chosen)
}

export function appPaths(dataDir: string): AppPaths {
  return {
    dataDir,
    dbFile: join(dataDir, 'library.db'),
    blobsDir: join(dataDir, 'files'),
    tmpDir: join(dataDir, 'tmp'),
    stagingDir: join(dataDir, 'staging'),
    backupsDir: join(dataDir, 'backups'),
    secretsFile: join(dataDir, 'secrets.json'),
    cacheDir: join(dataDir, 'cache')
  }
}
