import type { Price } from '@shared/domain/usage'
import type { Db } from '../../store/database'

export class PricesRepo {
  constructor(private readonly db: Db) {}

  edited(): Record<string, Omit<Price, 'model'>> {
    const rows = this.db.prepare('SELECT model, price_json FROM prices').all() as {
      model: string
      price_json: string
    }[]
    return Object.fromEntries(
      rows.map((r) => [r.model, { ...(JSON.parse(r.price_json) as Omit<Price, 'model'>), edited: true }])
    )
  }

  set(price: Price): void {
    const { model, ...rest } = price
    this.db
      .prepare(
        `INSERT INTO prices (model, price_json, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(model) DO UPDATE SET price_json = excluded.price_json, updated_at = excluded.updated_at`
      )
      .run(model, JSON.stringify(rest), new Date().toISOString())
  }

  reset(model: string): void {
    this.db.prepare('DELETE FROM prices WHERE model = ?').run(model)
  }
}
