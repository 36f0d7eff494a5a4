import type { Capabilities, ProviderKind, Task } from '@shared/domain/provider'
import type { Db } from '../../store/database'

/** Everything about a provider except its key (which lives in the SecretStore). */
export interface ProviderRow {
  id: string
  kind: ProviderKind
  name: string
  baseURL: string
  apiVersion: string | null
  deployments: Record<string, string>
  proxy: string | null
  overrides: Partial<Capabilities>
  defaultModels: Partial<Record<Task, string>>
  fallbackIds: string[]
  models: string[]
  isDefault: boolean
  createdAt: string
}

interface Raw {
  id: string
  kind: ProviderKind
  name: string
  base_url: string
  settings_json: string
  models_json: string
  is_default: number
  created_at: string
}

type Settings = Pick<
  ProviderRow,
  'apiVersion' | 'deployments' | 'proxy' | 'overrides' | 'defaultModels' | 'fallbackIds'
>

export class ProvidersRepo {
  constructor(private readonly db: Db) {}

  list(): ProviderRow[] {
    return (
      this.db.prepare('SELECT * FROM providers ORDER BY is_default DESC, created_at').all() as Raw[]
    ).map(toRow)
  }

  get(id: string): ProviderRow | null {
    const raw = this.db.prepare('SELECT * FROM providers WHERE id = ?').get(id) as Raw | undefined
    return raw ? toRow(raw) : null
  }

  upsert(row: ProviderRow): void {
    const settings: Settings = {
      apiVersion: row.apiVersion,
      deployments: row.deployments,
      proxy: row.proxy,
      overrides: row.overrides,
      defaultModels: row.defaultModels,
      fallbackIds: row.fallbackIds
    }
    const now = new Date().toISOString()
    this.db.transaction(() => {
      if (row.isDefault) this.db.prepare('UPDATE providers SET is_default = 0').run()
      this.db
        .prepare(
          `INSERT INTO providers (id, kind, name, base_url, settings_json, models_json, is_default, created_at, updated_at)
           VALUES (@id, @kind, @name, @baseURL, @settings, @models, @isDefault, @createdAt, @now)
           ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, base_url = excluded.base_url,
             settings_json = excluded.settings_json, models_json = excluded.models_json, is_default = excluded.is_default,
             updated_at = excluded.updated_at`
        )
        .run({
          ...row,
          settings: JSON.stringify(settings),
          models: JSON.stringify(row.models),
          isDefault: row.isDefault ? 1 : 0,
          now
        })
    })()
  }

  /** Models remembered for a provider without a row (the environment's). */
  extraModels(id: string): string[] {
    const row = this.db.prepare('SELECT models_json FROM provider_models WHERE provider_id = ?').get(id) as
      { models_json: string } | undefined
    return row ? (JSON.parse(row.models_json) as string[]) : []
  }

  setExtraModels(id: string, models: string[]): void {
    this.db
      .prepare(
        `INSERT INTO provider_models (provider_id, models_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(provider_id) DO UPDATE SET models_json = excluded.models_json, updated_at = excluded.updated_at`
      )
      .run(id, JSON.stringify(models), new Date().toISOString())
  }

  setModels(id: string, models: string[]): void {
    this.db
      .prepare('UPDATE providers SET models_json = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(models), new Date().toISOString(), id)
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM providers WHERE id = ?').run(id).changes > 0
  }
}

function toRow(raw: Raw): ProviderRow {
  const settings = JSON.parse(raw.settings_json) as Partial<Settings>
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name,
    baseURL: raw.base_url,
    apiVersion: settings.apiVersion ?? null,
    deployments: settings.deployments ?? {},
    proxy: settings.proxy ?? null,
    overrides: settings.overrides ?? {},
    defaultModels: settings.defaultModels ?? {},
    fallbackIds: settings.fallbackIds ?? [],
    models: JSON.parse(raw.models_json) as string[],
    isDefault: raw.is_default === 1,
    createdAt: raw.created_at
  }
}
