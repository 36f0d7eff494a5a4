import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { runProcess } from '../process-runner'
import type { CapabilityCache, FfmpegFeatures } from './capabilities'

export type BinarySource = 'setting' | 'env' | 'bundled' | 'path' | 'none'

export interface ToolBinary {
  path: string | null
  version: string | null
  /** Major version, estimated from the copyright year for git snapshot builds. */
  major: number | null
  year: number | null
  source: BinarySource
  ok: boolean
  error?: string
  /** What this ffmpeg can do, from the capability cache (absent: asked when needed). */
  features?: FfmpegFeatures
}

export interface MediaBinaries {
  ffmpeg: ToolBinary
  ffprobe: ToolBinary
}

type Tool = 'ffmpeg' | 'ffprobe'

const BUNDLED_PACKAGE: Record<Tool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe'
}

/**
 * A user setting or FFMPEG_PATH/FFPROBE_PATH wins outright. Otherwise the newer of the npm-bundled
 * binary and the one on PATH is used (docs/adr/002-ffmpeg-resolution.md).
 */
export async function resolveTool(
  tool: Tool,
  options: { setting?: string; env?: NodeJS.ProcessEnv; capabilities?: CapabilityCache }
): Promise<ToolBinary> {
  const env = options.env ?? process.env
  const explicit = options.setting
    ? { path: options.setting, source: 'setting' as const }
    : envPath(tool, env)
  const inspect = (path: string, source: BinarySource) => inspectTool(path, source, options.capabilities)
  if (explicit) return inspect(explicit.path, explicit.source)
  const candidates = [
    { path: bundledBinaryPath(tool), source: 'bundled' as const },
    { path: findOnPath(tool, env), source: 'path' as const }
  ].filter((c): c is { path: string; source: 'bundled' | 'path' } => c.path !== null)
  const inspected = await Promise.all(candidates.map((c) => inspect(c.path, c.source)))
  const usable = inspected.filter((b) => b.ok).sort((a, b) => (b.year ?? 0) - (a.year ?? 0))
  return usable[0] ?? inspected[0] ?? none(tool)
}

export async function resolveMediaBinaries(options: {
  ffmpegSetting?: string
  ffprobeSetting?: string
  env?: NodeJS.ProcessEnv
  capabilities?: CapabilityCache
}): Promise<MediaBinaries> {
  const { env, capabilities } = options
  const [ffmpeg, ffprobe] = await Promise.all([
    resolveTool('ffmpeg', { setting: options.ffmpegSetting, env, capabilities }),
    resolveTool('ffprobe', { setting: options.ffprobeSetting, env, capabilities })
  ])
  return { ffmpeg, ffprobe }
}

export function parseVersion(text: string): {
  version: string | null
  major: number | null
  year: number | null
} {
  const version = /version\s+(\S+)/.exec(text)?.[1] ?? null
  const yearMatch = /Copyright \(c\) \d{4}-(\d{4})/.exec(text)?.[1]
  const year = yearMatch ? Number(yearMatch) : null
  const numeric = version ? /^n?(\d+)\.(\d+)/.exec(version) : null
  const major = numeric ? Number(numeric[1]) : estimateMajor(year)
  return { version, major, year }
}

function estimateMajor(year: number | null): number | null {
  if (year === null) return null
  if (year <= 2021) return 4
  return Math.min(8, year - 2017)
}

/** `-version`, asked once per build of the binary when there is a capability cache. */
async function inspectTool(path: string, source: BinarySource, cache?: CapabilityCache): Promise<ToolBinary> {
  const ask = async () => parseVersion((await runProcess(path, ['-version'], { timeoutMs: 10_000 })).stdout)
  try {
    const version = await (cache ? cache.fact(path, 'version', ask) : ask())
    return { path, source, ok: true, ...version }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { path, source, ok: false, version: null, major: null, year: null, error: message }
  }
}

function envPath(tool: Tool, env: NodeJS.ProcessEnv): { path: string; source: 'env' } | null {
  const value = tool === 'ffmpeg' ? env.FFMPEG_PATH : env.FFPROBE_PATH
  return value ? { path: value, source: 'env' } : null
}

/**
 * The binary shipped in the @ffmpeg-installer/@ffprobe-installer package for this platform, or null.
 * Packaged, the package resolves inside app.asar, where nothing can be executed; electron-builder
 * unpacks it (asarUnpack in electron-builder.json, checked by tests/main/platform/packaging.test.ts).
 */
export function bundledBinaryPath(tool: Tool): string | null {
  try {
    const load = createRequire(import.meta.url)
    const found = unpackedPath((load(BUNDLED_PACKAGE[tool]) as { path: string }).path)
    return existsSync(found) ? found : null
  } catch {
    return null
  }
}

/** `…/resources/app.asar/node_modules/…` → `…/resources/app.asar.unpacked/node_modules/…` (`/` or `\\`). */
export function unpackedPath(path: string): string {
  return path.replace(/(^|[\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked')
}

function findOnPath(tool: Tool, env: NodeJS.ProcessEnv): string | null {
  const names = process.platform === 'win32' ? [`${tool}.exe`] : [tool]
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const full = join(dir, name)
      if (existsSync(full)) return full
    }
  }
  return null
}

function none(tool: Tool): ToolBinary {
  return {
    path: null,
    version: null,
    major: null,
    year: null,
    source: 'none',
    ok: false,
    error: `${tool} was not found. Install ffmpeg or set its path in Settings.`
  }
}
