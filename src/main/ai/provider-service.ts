import { randomBytes } from 'node:crypto'
import type { ConnectionTest, Provider, ProviderInput, ProviderKind } from '@shared/domain/provider'
import { AppError } from '@shared/errors'
import type { SecretStore } from '../platform/secrets/secret-store'
import type { ProviderRow, ProvidersRepo } from './store/providers-repo'
import { isLocalUrl, PRESETS } from './presets'

export interface ResolvedProvider {
  row: ProviderRow
  provider: Provider
  apiKey: string | null
}

const KEY_ENV: Partial<Record<ProviderKind, string>> = {
  openai: 'OPENAI_API_KEY',
  azure: 'AZURE_OPENAI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  qwen: 'DASHSCOPE_API_KEY'
}

/** The provider the environment describes when none is configured: OPENAI_API_KEY / OPENAI_BASE_URL. */
export const ENV_PROVIDER_ID = 'env'

export const secretName = (id: string): string => `provider.${id}.apiKey`

export class ProviderService {
  constructor(private readonly deps: { repo: ProvidersRepo; secrets: SecretStore; env: NodeJS.ProcessEnv }) {}

  /** Every provider in use: the configured ones, and the environment's (OPENAI_API_KEY) beside them. */
  async list(): Promise<Provider[]> {
    const rows = this.deps.repo.list()
    const env = this.envRow()
    const all = env
      ? [...rows, { ...env, isDefault: !rows.some((r) => r.isDefault) && rows.length === 0 }]
      : rows
    return Promise.all(all.map((row) => this.toProvider(row)))
  }

  async get(id: string): Promise<Provider> {
    return this.toProvider(this.row(id))
  }

  async save(id: string | null, input: ProviderInput): Promise<Provider> {
    const preset = PRESETS[input.kind]
    const existing = id ? this.row(id) : null
    const row: ProviderRow = {
      id: existing?.id ?? `${input.kind}-${randomBytes(3).toString('hex')}`,
      kind: input.kind,
      name: input.name,
      baseURL: (input.baseURL ?? existing?.baseURL ?? preset.baseURL).replace(/\/+$/, ''),
      apiVersion:
        input.apiVersion !== undefined
          ? input.apiVersion
          : (existing?.apiVersion ?? preset.apiVersion ?? null),
      deployments: input.deployments ?? existing?.deployments ?? {},
      proxy: input.proxy !== undefined ? input.proxy : (existing?.proxy ?? null),
      overrides: input.overrides ?? existing?.overrides ?? {},
      defaultModels: input.defaultModels ?? existing?.defaultModels ?? {},
      fallbackIds: (input.fallbackIds ?? existing?.fallbackIds ?? []).filter(
        (f) => f !== (existing?.id ?? '')
      ),
      models: existing?.models ?? [],
      isDefault: input.isDefault ?? existing?.isDefault ?? this.deps.repo.list().length === 0,
      createdAt: existing?.createdAt ?? new Date().toISOString()
    }
    this.deps.repo.upsert(row)
    if (input.apiKey !== undefined) {
      if (input.apiKey === '') await this.deps.secrets.delete(secretName(row.id))
      else await this.deps.secrets.set(secretName(row.id), input.apiKey.trim())
    }
    return this.get(row.id)
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    const removed = this.deps.repo.remove(id)
    await this.deps.secrets.delete(secretName(id))
    return { removed }
  }

  setModels(id: string, models: string[]): void {
    if (id === ENV_PROVIDER_ID) this.deps.repo.setExtraModels(id, models)
    else this.deps.repo.setModels(id, models)
  }

  /** The provider to use (the given one, else the default, else the environment's) with its key. */
  async resolve(id?: string | null, adHoc?: { baseURL?: string }): Promise<ResolvedProvider> {
    let row = id
      ? this.row(id)
      : (this.deps.repo.list().find((r) => r.isDefault) ?? this.deps.repo.list()[0] ?? this.envRow())
    if (!row) {
      throw new AppError(
        'PROVIDER_NOT_CONFIGURED',
        'No AI provider is set up. Add one in Settings → Providers, or set OPENAI_API_KEY.'
      )
    }
    if (adHoc?.baseURL)
      row = {
        ...row,
        id: `${row.id}@url`,
        baseURL: adHoc.baseURL.replace(/\/+$/, '')
      }
    const provider = await this.toProvider(row)
    return { row, provider, apiKey: await this.keyFor(row) }
  }

  /** The provider and its fallbacks, in order, skipping unknown ids. */
  async chain(id?: string | null, adHoc?: { baseURL?: string }): Promise<ResolvedProvider[]> {
    const first = await this.resolve(id, adHoc)
    const rest = await Promise.all(
      first.row.fallbackIds.filter((f) => this.deps.repo.get(f)).map((f) => this.resolve(f))
    )
    return [first, ...rest]
  }

  async test(id: string, probe: (resolved: ResolvedProvider) => Promise<string[]>): Promise<ConnectionTest> {
    const resolved = await this.resolve(id)
    const started = Date.now()
    try {
      const models = await probe(resolved)
      this.setModels(resolved.row.id, models)
      return { ok: true, latencyMs: Date.now() - started, models, error: null }
    } catch (error) {
      const info = error instanceof AppError ? error.toInfo() : { code: 'INTERNAL', message: String(error) }
      return { ok: false, latencyMs: null, models: [], error: { code: info.code, message: info.message } }
    }
  }

  private row(id: string): ProviderRow {
    if (id === ENV_PROVIDER_ID && this.envRow()) return this.envRow() as ProviderRow
    const row = this.deps.repo.get(id)
    if (!row) throw new AppError('NOT_FOUND', `No provider with id “${id}”.`)
    return row
  }

  private envRow(): ProviderRow | null {
    const { OPENAI_API_KEY: key, OPENAI_BASE_URL: base } = this.deps.env
    if (!key && !base) return null
    return {
      id: ENV_PROVIDER_ID,
      kind: base ? 'custom' : 'openai',
      name: base ? 'OpenAI-compatible (environment)' : 'OpenAI (environment)',
      baseURL: (base ?? PRESETS.openai.baseURL).replace(/\/+$/, ''),
      apiVersion: null,
      deployments: {},
      proxy: null,
      overrides: base ? PRESETS.openai.capabilities : {},
      defaultModels: {},
      fallbackIds: [],
      models: this.deps.repo.extraModels(ENV_PROVIDER_ID),
      isDefault: true,
      createdAt: new Date(0).toISOString()
    }
  }

  private async keyFor(row: ProviderRow): Promise<string | null> {
    if (row.id === ENV_PROVIDER_ID) return this.deps.env.OPENAI_API_KEY ?? null
    const stored = await this.deps.secrets.get(secretName(row.id.replace(/@url$/, '')))
    const envName = KEY_ENV[row.kind]
    return stored ?? (envName ? (this.deps.env[envName] ?? null) : null)
  }

  private async toProvider(row: ProviderRow): Promise<Provider> {
    const preset = PRESETS[row.kind]
    const stored = row.id === ENV_PROVIDER_ID ? null : await this.deps.secrets.get(secretName(row.id))
    const envName = row.id === ENV_PROVIDER_ID ? 'OPENAI_API_KEY' : KEY_ENV[row.kind]
    const fromEnv = envName ? this.deps.env[envName] : undefined
    const local = preset.local || isLocalUrl(row.baseURL)
    return {
      ...row,
      capabilities: { ...preset.capabilities, ...row.overrides },
      models: [...new Set([...row.models, ...preset.catalog])],
      local,
      hasKey: Boolean(stored ?? fromEnv) || !preset.needsKey,
      keySource: stored ? 'store' : fromEnv ? 'env' : 'none'
    }
  }
}
